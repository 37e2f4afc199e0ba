import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import App from "./components/App";
import { pickLanguage } from "./i18n";
import { readOfficeEnvironment, waitForOffice } from "./office";

/** How long to wait for Office.onReady before rendering the "open this inside Excel" notice. */
const OFFICE_READY_TIMEOUT_MS = 5000;

async function start(): Promise<void> {
  const host = await waitForOffice(OFFICE_READY_TIMEOUT_MS);
  const env = readOfficeEnvironment(host);
  const container = document.getElementById("container");
  if (!container) throw new Error("StarScore: #container is missing from taskpane.html");
  createRoot(container).render(
    <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      <App
        initialLang={pickLanguage(env.displayLanguage)}
        inExcel={env.host === "Excel"}
        excelApiSupported={env.excelApiSupported}
      />
    </FluentProvider>,
  );
}

void start();
