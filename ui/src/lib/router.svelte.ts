// A tiny hash router: "#/today", "#/goals", "#/goals/new", "#/goal/<id>", "#/settings".

export type Route =
  | { name: "today" }
  | { name: "goals" }
  | { name: "new-goal" }
  | { name: "goal"; id: string }
  | { name: "settings" };

function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/");
  if (parts[0] === "goals" && parts[1] === "new") return { name: "new-goal" };
  if (parts[0] === "goals") return { name: "goals" };
  if (parts[0] === "goal" && parts[1]) return { name: "goal", id: parts[1] };
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
