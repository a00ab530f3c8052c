// Images in the document are named by logical path ("content/2024/…"); the renderer says where they are.
import { createContext, useContext } from "react";

export type ResolveAsset = (logicalPath: string) => string;

export const AssetContext = createContext<ResolveAsset>((logical) => {
  throw new Error(`No asset resolver was given to the PDF templates, so "${logical}" cannot be found.`);
});

export const useAsset = (): ResolveAsset => useContext(AssetContext);
