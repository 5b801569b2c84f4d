import { everyone, signedIn, type RouteCase } from "./types";

export const cases: RouteCase[] = [
  { route: "_index.tsx", path: "/", expect: { ...signedIn(302) } },
  { route: "masuk.tsx", path: "/masuk", expect: { ...signedIn(302), anonymous: 200 } },
  { route: "keluar.tsx", path: "/keluar", expect: { ...signedIn(200), anonymous: 302 } },
  { route: "keluar.tsx", path: "/keluar", method: "POST", expect: everyone(302) },
  { route: "dasbor.tsx", path: "/dasbor", expect: signedIn(200) },
  { route: "$.tsx", path: "/tidak-ada-halaman-ini", expect: everyone(404) },
];
cases.push({ route: "tentang.tsx", path: "/tentang", expect: everyone(200) });
