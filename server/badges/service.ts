/**
 * Print-ready badges: A4 sheets of four A6 badges (the ticket's layout with the category's colour
 * and the ticket's QR code) for everyone or a filtered set. Printed tickets are marked; a badge
 * printed again says so on its face. The print is audited (how many, with which filters).
 */
import { recordAudit } from "~/server/audit/log";
import type { SessionUser } from "~/server/auth/roles";
import { BADGE_LIMIT, badgeSlot, categoryColour } from "~/server/badges/rules";
import type { BadgeFilter } from "~/server/badges/schema";
import type { Db } from "~/server/db/client";
import { findCurrentEdition } from "~/server/edition/current";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { drawTicket, newPdf, pdfBuffer } from "~/server/tickets/pdf";
import { issueEditionTickets, ticketPrint } from "~/server/tickets/service";
import { serverTranslator } from "~/server/i18n/translate";

const t = serverTranslator("checkin", "badges");

export async function badgesPdf({
  db,
  actor,
  filter,
  now = new Date(),
}: {
  db: Db;
  actor: SessionUser;
  filter: BadgeFilter;
  now?: Date;
}): Promise<{ pdf: Buffer; count: number }> {
  const edition = await findCurrentEdition(db, { id: true });
  await issueEditionTickets(db, edition.id);
  const where: Prisma.TicketWhereInput = {
    revokedAt: null,
    ...(filter.notPrinted ? { badgePrintedAt: null } : {}),
    registration: {
      editionId: edition.id,
      status: "CONFIRMED",
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.regionId ? { regionId: filter.regionId } : {}),
      ...(filter.trackId ? { user: { bookings: { some: { session: { trackId: filter.trackId } } } } } : {}),
    },
  };
  const tickets = await db.ticket.findMany({
    where,
    select: {
      id: true,
      nonce: true,
      badgePrintedAt: true,
      registration: {
        select: {
          surname: true,
          firstName: true,
          patronymic: true,
          organisation: true,
          category: true,
          region: { select: { name: true } },
          edition: { select: { startsAt: true, endsAt: true, city: true, timeZone: true } },
        },
      },
    },
    orderBy: [{ registration: { surname: "asc" } }, { registration: { firstName: "asc" } }, { id: "asc" }],
    take: BADGE_LIMIT,
  });
  if (tickets.length === 0) throw new AppError("NOT_FOUND", t("none"));

  const doc = newPdf({ size: "A4", margin: 0, autoFirstPage: true, info: { Title: t("title") } });
  const sheet = { width: doc.page.width, height: doc.page.height };
  tickets.forEach((ticket, i) => {
    const slot = badgeSlot(i, sheet);
    if (i > 0 && i % 4 === 0) doc.addPage({ size: "A4", margin: 0 });
    // Cut lines between the four badges.
    if (i % 4 === 0) {
      doc.save().lineWidth(0.5).strokeColor("#cbd5e1").dash(4, { space: 4 });
      doc
        .moveTo(sheet.width / 2, 0)
        .lineTo(sheet.width / 2, sheet.height)
        .stroke();
      doc
        .moveTo(0, sheet.height / 2)
        .lineTo(sheet.width, sheet.height / 2)
        .stroke();
      doc.undash().restore();
    }
    drawTicket(doc, ticketPrint(ticket), slot, {
      stripe: categoryColour(ticket.registration.category),
      kind: ticket.badgePrintedAt ? `${t("kind")} · ${t("reprint")}` : t("kind"),
    });
  });
  const pdf = await pdfBuffer(doc);

  await db.$transaction(async (tx) => {
    await tx.ticket.updateMany({ where: { id: { in: tickets.map((x) => x.id) } }, data: { badgePrintedAt: now } });
    await recordAudit(tx, {
      actor,
      action: "badges.print",
      entity: "Edition",
      entityId: edition.id,
      after: { count: tickets.length, reprints: tickets.filter((x) => x.badgePrintedAt).length, filter },
    });
  });
  return { pdf, count: tickets.length };
}
