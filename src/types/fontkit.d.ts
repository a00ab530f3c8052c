// fontkit ships no typings; src/design/fontFiles.ts names the part of its API the project uses.
declare module "fontkit";
