/**
 * The registration list's filters as they travel in the address (the page's GET form, the
 * download links and the export route read the same parameters).
 */
import { PARTICIPANT_CATEGORIES, type ParticipantCategoryValue } from "~/server/account/rules";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

export type ListFilters = {
  category?: ParticipantCategoryValue;
  regionId?: number;
  status?: "PENDING" | "CONFIRMED";
  /** "<question id>:<option id | yes | no>" — one select covers every question's answers. */
  answer?: string;
};

const get = (params: Params, key: string): string => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return ((Array.isArray(v) ? v[0] : v) ?? "").trim();
};

/** Unknown values are dropped (the list then shows everyone) rather than refused. */
export function readFilters(params: Params): ListFilters {
  const category = get(params, "category");
  const region = Number.parseInt(get(params, "region"), 10);
  const status = get(params, "status");
  const answer = get(params, "answer");
  return {
    ...((PARTICIPANT_CATEGORIES as readonly string[]).includes(category)
      ? { category: category as ParticipantCategoryValue }
      : {}),
    ...(Number.isInteger(region) && region > 0 ? { regionId: region } : {}),
    ...(status === "PENDING" || status === "CONFIRMED" ? { status } : {}),
    ...(/^[^:]{1,50}:[^:]{1,50}$/.test(answer) ? { answer } : {}),
  };
}

/** The filters as the list procedure's input. */
export function filterInput(filters: ListFilters) {
  const [questionId, answer] = filters.answer ? filters.answer.split(":") : [];
  return {
    category: filters.category,
    regionId: filters.regionId,
    status: filters.status,
    ...(questionId && answer ? { questionId, answer } : {}),
  };
}

/** The filters as a query string ("" when none), with extra parameters such as the page or format. */
export function filterQuery(filters: ListFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (filters.category) q.set("category", filters.category);
  if (filters.regionId) q.set("region", String(filters.regionId));
  if (filters.status) q.set("status", filters.status);
  if (filters.answer) q.set("answer", filters.answer);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}
