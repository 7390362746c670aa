/**
 * The session form's data as the API takes it (empty capacity = no limit, checkboxes,
 * multiple selects). Shared by the Server Action that saves and the live check in the browser.
 */
export function sessionInputOf(data: FormData) {
  const text = (k: string) => String(data.get(k) ?? "");
  const capacity = text("capacity").trim();
  return {
    title: text("title"),
    description: text("description"),
    trackId: text("trackId") || null,
    format: text("format"),
    day: text("day"),
    start: text("start").slice(0, 5),
    end: text("end").slice(0, 5),
    roomId: text("roomId") || null,
    capacity: capacity === "" ? null : Number(capacity),
    isClosed: data.get("isClosed") === "on",
    bookingRequired: data.get("bookingRequired") === "on",
    moderatorIds: data.getAll("moderatorIds").map(String),
    speakerIds: data.getAll("speakerIds").map(String),
  };
}
