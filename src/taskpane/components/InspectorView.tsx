import { useCallback, useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  createFocusOutlineStyle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { BANDS, bandOf } from "../../spec/bands";
import { SECONDARY_INDICATORS } from "../../spec/indicators";
import type { Band, Item } from "../../spec/types";
import type { ItemSelection } from "../actions/types";
import { fmt, htmlLang, type Lang, type Messages } from "../i18n";
import { BusyIcon } from "./BusyIcon";
import { useItems } from "./catalogue";
import { DataTable } from "./DataTable";
import { ErrorBar } from "./ErrorBar";
import { useAction, useHostEvent, usePane } from "./PaneContext";

const useStyles = makeStyles({
  heading: { margin: 0 },
  text: { margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  criterion: {
    maxHeight: "220px",
    overflowY: "auto",
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ...createFocusOutlineStyle(),
  },
  paragraph: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  bandButtons: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXS,
  },
  bandButton: { justifyContent: "flex-start" },
  bands: { margin: 0, padding: 0, listStyleType: "none" },
  band: { marginBottom: tokens.spacingVerticalS },
  descriptors: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** The value a band button enters: the band's middle, which is on every workbook step (1, 5, 10). */
export function bandValue(band: Band): number {
  return (band.from + band.to) / 2;
}

function bandRange(band: Band, t: Messages): string {
  return fmt(t.bandRange, { from: band.from, to: band.to });
}

function currentBand(value: number | string | null): Band | undefined {
  return typeof value === "number" && value >= 0 && value <= 100 ? bandOf(value) : undefined;
}

export function InspectorView({ active }: { active: boolean }) {
  const styles = useStyles();
  const { host, t, workbookVersion } = usePane();
  const inspect = useAction();
  const [selection, setSelection] = useState<ItemSelection | null | undefined>(undefined);
  const latestRequest = useRef(0);

  const { run } = inspect;
  const read = useCallback(async () => {
    const request = ++latestRequest.current;
    const result = await run({ busy: (t) => t.inspecting, failed: "inspectFailed", quiet: true }, () =>
      host.inspectSelection(),
    );
    if (request === latestRequest.current && result !== undefined) setSelection(result);
  }, [host, run]);

  const subscribe = useCallback((listener: () => void) => host.onSelectionChanged(listener), [host]);
  const onSelectionChanged = useCallback(() => void read(), [read]);
  useHostEvent(subscribe, onSelectionChanged, active, workbookVersion);
  useEffect(() => {
    if (active) void read();
  }, [active, read, workbookVersion]);

  const items = useItems();
  const item = selection ? items?.find((i) => i.code === selection.code) : undefined;

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {t.inspectorHeading}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t.inspectorIntro}
      </Body1>
      <div>
        <Button
          disabledFocusable={inspect.running}
          icon={inspect.running ? <BusyIcon /> : undefined}
          onClick={() => void read()}
        >
          {t.refreshSelection}
        </Button>
      </div>
      {inspect.failure && <ErrorBar failure={inspect.failure} />}
      {selection === undefined && inspect.running && <Spinner size="tiny" label={t.inspecting} />}
      {selection === null && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{t.inspectorNoItem}</MessageBarBody>
        </MessageBar>
      )}
      {selection && item && <ItemDetails item={item} selection={selection} onEntered={read} />}
      {selection && !items && <Spinner size="tiny" label={t.loading} />}
      {selection && items && !item && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>{selection.code}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function ItemDetails({
  item,
  selection,
  onEntered,
}: {
  item: Item;
  selection: ItemSelection;
  onEntered: () => Promise<void>;
}) {
  const styles = useStyles();
  const { t, lang } = usePane();
  const indicator = SECONDARY_INDICATORS.find((i) => i.id === item.indicator);
  return (
    <section className={styles.section} aria-labelledby="starscore-item-heading">
      <Subtitle2 as="h3" id="starscore-item-heading" className={styles.heading}>
        {item.code} {item.title[lang]}
      </Subtitle2>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t.itemCode}</dt>
        <dd className={styles.value}>{item.code}</dd>
        <dt className={styles.term}>{t.clause}</dt>
        <dd className={styles.value}>{item.clause}</dd>
        <dt className={styles.term}>{t.indicator}</dt>
        <dd className={styles.value}>
          {indicator ? `${indicator.id} ${indicator.name[lang]}` : item.indicator}
        </dd>
        <dt className={styles.term}>{t.points}</dt>
        <dd className={styles.value}>{item.points}</dd>
      </dl>
      <SetEntry selection={selection} t={t} onEntered={onEntered} />
      <Subtitle2 as="h4" className={styles.heading}>
        {t.checkContent}
      </Subtitle2>
      <Body1 as="p" className={styles.text} lang={htmlLang("zh")}>
        {item.content}
      </Body1>
      <Subtitle2 as="h4" id="starscore-criterion-heading" className={styles.heading}>
        {t.criterion}
      </Subtitle2>
      {/* Scrollable, so focusable: keyboard users scroll it with the arrow keys. */}
      <div
        className={styles.criterion}
        role="region"
        aria-labelledby="starscore-criterion-heading"
        tabIndex={0}
        lang={htmlLang("zh")}
      >
        {item.criterion.split("\n").map((paragraph, i) => (
          <Body1 as="p" key={i} className={styles.paragraph}>
            {paragraph}
          </Body1>
        ))}
      </div>
      {lang !== "zh" && <Caption1>{t.originalChineseNote}</Caption1>}
      <Entries selection={selection} t={t} />
      <Bands t={t} lang={lang} />
    </section>
  );
}

function SetEntry({
  selection,
  t,
  onEntered,
}: {
  selection: ItemSelection;
  t: Messages;
  onEntered: () => Promise<void>;
}) {
  const styles = useStyles();
  const { host } = usePane();
  const set = useAction();
  const [pending, setPending] = useState<number | null>(null);
  const index = selection.selectedEvaluator;
  const entry = index === undefined ? undefined : selection.entries[index];
  const band = entry ? currentBand(entry.value) : undefined;

  const enter = async (value: number) => {
    if (!entry) return;
    const cell = entry.cell;
    setPending(value);
    const done = await set.run(
      {
        busy: (t) => fmt(t.setting, { cell, value }),
        done: (t) => fmt(t.setDone, { cell, value }),
        failed: "setEntryFailed",
      },
      () => host.setEntry(cell, value).then(() => true),
    );
    setPending(null);
    if (done) await onEntered();
  };

  return (
    <section className={styles.section} aria-labelledby="starscore-set-entry">
      <Subtitle2 as="h4" id="starscore-set-entry" className={styles.heading}>
        {t.setEntryHeading}
      </Subtitle2>
      <Body1 as="p" id="starscore-set-entry-hint" className={styles.text}>
        {entry
          ? fmt(t.setEntryFor, { name: entry.name || t.kindVisit, cell: entry.cell })
          : t.setEntryDisabledHint}
      </Body1>
      {entry && (
        <Body1 as="p" id="starscore-set-entry-current" className={styles.text}>
          {entry.value === null || entry.value === ""
            ? t.currentValueBlank
            : band
              ? fmt(t.currentValue, { value: entry.value, band: bandRange(band, t) })
              : fmt(t.currentValueInvalid, { value: entry.value })}
        </Body1>
      )}
      {set.failure && <ErrorBar failure={set.failure} />}
      <div className={styles.bandButtons} role="group" aria-labelledby="starscore-set-entry">
        {BANDS.map((b) => {
          const value = bandValue(b);
          return (
            <Button
              key={b.level}
              className={styles.bandButton}
              appearance={band?.level === b.level ? "primary" : "secondary"}
              disabledFocusable={!entry || set.running}
              aria-describedby={
                entry ? "starscore-set-entry-hint starscore-set-entry-current" : "starscore-set-entry-hint"
              }
              icon={pending === value ? <BusyIcon /> : undefined}
              onClick={() => void enter(value)}
            >
              {fmt(t.setBand, { range: bandRange(b, t), value })}
            </Button>
          );
        })}
      </div>
    </section>
  );
}

function Entries({ selection, t }: { selection: ItemSelection; t: Messages }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="starscore-entries">
      <Subtitle2 as="h4" id="starscore-entries" className={styles.heading}>
        {t.entriesHeading}
      </Subtitle2>
      <DataTable
        labelledBy="starscore-entries"
        rows={selection.entries}
        rowKey={(entry) => entry.cell}
        currentRow={selection.selectedEvaluator}
        columns={[
          {
            header: t.colEvaluator,
            cell: (entry, i) =>
              `${entry.name || `${t.kindVisit} ${i + 1}`}${i === selection.selectedEvaluator ? ` (${t.selectedMark})` : ""}`,
          },
          { header: t.colKind, cell: (entry) => (entry.kind === "visit" ? t.kindVisit : t.kindAuditor) },
          {
            header: t.entriesValue,
            cell: (entry) => {
              const band = currentBand(entry.value);
              return entry.value === null || entry.value === ""
                ? t.entryBlank
                : band
                  ? `${entry.value} (${bandRange(band, t)})`
                  : String(entry.value);
            },
          },
        ]}
      />
    </section>
  );
}

function Bands({ t, lang }: { t: Messages; lang: Lang }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="starscore-bands">
      <Subtitle2 as="h4" id="starscore-bands" className={styles.heading}>
        {t.bandsHeading}
      </Subtitle2>
      <ul className={styles.bands}>
        {BANDS.map((band) => (
          <li key={band.level} className={styles.band}>
            <Body1 as="h5" className={styles.text}>
              <strong>{fmt(t.bandLabel, { level: band.level, range: bandRange(band, t) })}</strong>
            </Body1>
            <ul className={styles.descriptors}>
              {band.descriptors[lang].map((descriptor) => (
                <li key={descriptor}>{descriptor}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
