import { useEffect, useState } from "react";
import type { Item } from "../../spec/types";

/**
 * Appendix B's item catalogue (50 items with their full criterion texts) is the pane's largest piece
 * of data, so it is not part of the initial bundle: the inspector's chunk has it, and the views
 * that only need item titles load it on first use through here.
 */
let loading: Promise<readonly Item[]> | undefined;

export function loadItems(): Promise<readonly Item[]> {
  loading ??= import(/* webpackChunkName: "catalogue" */ "../../spec/items").then((m) => m.ITEMS);
  return loading;
}

/** The catalogue once loaded (null until then, or when loading failed). */
export function useItems(): readonly Item[] | null {
  const [items, setItems] = useState<readonly Item[] | null>(null);
  useEffect(() => {
    let current = true;
    loadItems().then(
      (loaded) => {
        if (current) setItems(loaded);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return items;
}
