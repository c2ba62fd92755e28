/**
 * The playground: GraphiQL from npm, bundled by playground/build.ts and served by the API itself, so it needs nothing
 * but the API's own origin (no CDN). Tabs start with the examples; headers with the API key the local server hands out.
 */
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import type { Environment } from "monaco-editor";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";
import { examples } from "./examples";

const root = document.getElementById("root") as HTMLElement;

// Monaco asks for a worker per language; they are bundled beside the app, and the page names them (build.ts).
const monacoEnvironment: Environment = {
  getWorker(_workerId, label) {
    const url = root.dataset[label === "json" || label === "graphql" ? `${label}Worker` : "editorWorker"];
    return new Worker(new URL(url ?? "", document.baseURI));
  },
};
window.MonacoEnvironment = monacoEnvironment;

const TABS_KEY = "graphiql:tabState";
const PLACEHOLDER_HEADERS = { "x-api-key": "your API key" };

/**
 * The headers every tab starts with. Only the local server (`npm start`) answers /_local/playground-headers, and only
 * to loopback clients; deployed stages know no key, so their page starts with a placeholder.
 */
async function initialHeaders(): Promise<string> {
  try {
    const response = await fetch(new URL("_local/playground-headers", document.baseURI), { cache: "no-store" });
    if (response.ok) return JSON.stringify(await response.json(), null, 2);
  } catch {
    // Not the local server: the placeholder it is.
  }
  return JSON.stringify(PLACEHOLDER_HEADERS, null, 2);
}

/**
 * GraphiQL keeps tabs in localStorage but, by design, not their headers (they may hold secrets). A tab restored
 * without headers gets the initial ones again, so a reload keeps working instead of answering UNAUTHENTICATED.
 */
function storageWithHeaders(headers: string): Storage {
  const base = window.localStorage;
  return {
    get length() {
      return base.length;
    },
    key: (index) => base.key(index),
    clear: () => base.clear(),
    removeItem: (key) => base.removeItem(key),
    setItem: (key, value) => base.setItem(key, value),
    getItem(key) {
      const value = base.getItem(key);
      if (key !== TABS_KEY || value === null) return value;
      try {
        const state = JSON.parse(value) as { tabs?: { headers?: string | null }[] };
        for (const tab of state.tabs ?? []) if (!tab.headers) tab.headers = headers;
        return JSON.stringify(state);
      } catch {
        return value;
      }
    },
  };
}

async function main(): Promise<void> {
  const headers = await initialHeaders();
  const fetcher = createGraphiQLFetcher({ url: new URL("graphql", document.baseURI).href });
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      storage={storageWithHeaders(headers)}
      defaultHeaders={headers}
      defaultTabs={examples.map(({ query, variables }) => ({ query, variables: variables ?? null, headers }))}
      defaultEditorToolsVisibility="headers"
    />,
  );
}

void main();
