import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleButton } from "~/app/admin/users/role-button";
import { serverApi } from "~/app/_trpc/server";
import { requirePageRole } from "~/server/auth/guard";
import { Pager } from "~/app/_components/pager";
import { ListTable } from "~/app/_components/list-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminUsers");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function AdminUsersPage({ searchParams }: Props) {
  const me = await requirePageRole("ADMIN", "/admin/users");
  const params = await searchParams;
  const q = one(params.q).trim().slice(0, 100);
  const requested = Number.parseInt(one(params.page), 10);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const api = await serverApi();
  const [list, t] = await Promise.all([api.admin.users({ q: q || undefined, page }), getTranslations()]);
  const href = (p: number) =>
    `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("adminUsers.title")}</h1>
      <form method="get" role="search" className="mt-4 flex flex-wrap gap-2">
        <label htmlFor="user-q" className="sr-only">
          {t("adminUsers.search")}
        </label>
        <input
          id="user-q"
          type="search"
          name="q"
          defaultValue={q}
          placeholder={t("adminUsers.search")}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
          {t("adminUsers.find")}
        </button>
      </form>
      <ListTable
        count={t("adminUsers.count", { count: list.total })}
        empty={t("adminUsers.empty")}
        isEmpty={list.items.length === 0}
        headers={[t("adminUsers.email"), t("adminUsers.name"), t("adminUsers.role"), t("adminUsers.actions")]}
      >
        {list.items.map((u) => (
          <tr key={u.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2 break-all">{u.email}</td>
            <td className="px-3 py-2">{u.name ?? "—"}</td>
            <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
            <td className="px-3 py-2">
              {u.id === me.id ? (
                <span className="text-slate-500">{t("adminUsers.you")}</span>
              ) : u.role === "ADMIN" ? (
                "—"
              ) : (
                <RoleButton userId={u.id} makeOrganiser={u.role === "PARTICIPANT"} />
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      <Pager page={list.page} pageCount={list.pageCount} href={href} />
    </section>
  );
}
