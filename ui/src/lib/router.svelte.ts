// A tiny hash router: "#/today", "#/review", "#/test" ("#/test/again" starts a
// retake at once), "#/goals", "#/goals/new",
// "#/goal/<id>" (optionally "#/goal/<id>/<section>", e.g. "questions"), "#/stats", "#/settings".

export type Route =
  | { name: "today" }
  | { name: "review" }
  | { name: "test"; again: boolean }
  | { name: "goals" }
  | { name: "new-goal" }
  | { name: "goal"; id: string; section: string | null }
  | { name: "stats" }
  | { name: "settings" };

function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/");
  if (parts[0] === "review") return { name: "review" };
  if (parts[0] === "test") return { name: "test", again: parts[1] === "again" };
  if (parts[0] === "goals" && parts[1] === "new") return { name: "new-goal" };
  if (parts[0] === "goals") return { name: "goals" };
  if (parts[0] === "goal" && parts[1]) return { name: "goal", id: parts[1], section: parts[2] || null };
  if (parts[0] === "stats") return { name: "stats" };
  if (parts[0] === "settings") return { name: "settings" };
  return { name: "today" };
}

export const router = $state({ route: parse(location.hash) as Route });

window.addEventListener("hashchange", () => {
  router.route = parse(location.hash);
});

export function go(path: string) {
  location.hash = path;
}

const SCREEN_TITLES: Record<Route["name"], string> = {
  today: "Today",
  review: "Review",
  test: "Today's test",
  goals: "Goals",
  "new-goal": "New goal",
  goal: "Goal",
  stats: "Stats",
  settings: "Settings",
};

/**
 * Names the open screen in the page title, which the desktop copies to the
 * window title (window lists and screen readers say where the learner is).
 */
export function setScreenTitle(screen: string = SCREEN_TITLES[router.route.name]) {
  document.title = `${screen} — Waymark`;
}
