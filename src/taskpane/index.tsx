import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import App from "./components/App";
import { lazyHost } from "./components/lazy-host";
import { pickLanguage } from "./i18n";
import { readOfficeEnvironment, waitForOffice } from "./office";

/**
 * The Office.js implementation of the views' host interface, in its own chunk: it carries the
 * scoring engine and the workbook code, which the first paint does not need (see lazyHost).
 */
const officeHost = () =>
  lazyHost(() =>
    import(/* webpackChunkName: "excel-host" */ "./actions/office-host").then((m) => m.createOfficeHost()),
  );

/** How long to wait for Office.onReady before rendering the "open this inside Excel" notice. */
const OFFICE_READY_TIMEOUT_MS = 5000;

async function start(): Promise<void> {
  const host = await waitForOffice(OFFICE_READY_TIMEOUT_MS);
  const env = readOfficeEnvironment(host);
  const inExcel = env.host === "Excel";
  // Only a supported Excel gets the host: elsewhere the pane explains what is missing instead.
  const starScoreHost = inExcel && env.excelApiSupported ? officeHost() : undefined;
  const container = document.getElementById("container");
  if (!container) throw new Error("StarScore: #container is missing from taskpane.html");
  createRoot(container).render(
    <FluentProvider
      theme={env.dark ? webDarkTheme : webLightTheme}
      // colorScheme lets native controls (the date picker's icon) follow the theme too.
      style={{ minHeight: "100vh", colorScheme: env.dark ? "dark" : "light" }}
    >
      <App
        initialLang={pickLanguage(env.displayLanguage)}
        inExcel={inExcel}
        excelApiSupported={env.excelApiSupported}
        host={starScoreHost}
      />
    </FluentProvider>,
  );
}

void start();
