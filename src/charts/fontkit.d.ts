// fontkit ships no typings; src/charts/textMetrics.ts names the part of its API it uses.
declare module "fontkit";
