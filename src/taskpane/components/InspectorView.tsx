import { useCallback, useEffect, useRef, useState } from "react";
import {
  Body1,
  Caption1,
  Field,
  Spinner,
  Subtitle1,
  Subtitle2,
  Textarea,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { BANDS, bandOf } from "../../spec/bands";
import { SECONDARY_INDICATORS } from "../../spec/indicators";
import type { Band, Item } from "../../spec/types";
import type { ItemSelection } from "../actions/types";
import { fmt, htmlLang, type Lang, type Messages } from "../i18n";
import { displayCell } from "../model/format";
import { ActionButton } from "./ActionButton";
import { useItems } from "./catalogue";
import { DataTable } from "./DataTable";
import { ErrorBar } from "./ErrorBar";
import { Facts } from "./Facts";
import { Notice } from "./Notice";
import { useAction, useHostEvent, usePane } from "./PaneContext";
import { NoWorkbookNotice, ViewLink } from "./ViewLink";
import type { ViewProps } from "./views";
import { VIEW_STYLES } from "./view-styles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  note: { color: tokens.colorNeutralForeground3 },
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
  bandButton: { justifyContent: "flex-start", textAlign: "start" },
  // The entry's own band: shown as the chosen one, though there is nothing to press.
  currentBand: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  },
  bands: { margin: 0, padding: 0, listStyleType: "none" },
  band: { marginBottom: tokens.spacingVerticalS },
  descriptors: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
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

export function InspectorView({ active }: ViewProps) {
  const styles = useStyles();
  const { host, t, workbookVersion, workbook } = usePane();
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
      {workbook === "absent" && <NoWorkbookNotice />}
      <div>
        <ActionButton action={{ running: inspect.running, blocked: false }} onClick={() => void read()}>
          {t.refreshSelection}
        </ActionButton>
      </div>
      {inspect.failure && <ErrorBar failure={inspect.failure} />}
      {selection === undefined && inspect.running && <Spinner size="tiny" label={t.inspecting} />}
      {selection === null && workbook !== "absent" && <Notice intent="info">{t.inspectorNoItem}</Notice>}
      {selection && item && <ItemDetails item={item} selection={selection} onEntered={read} />}
      {selection && !items && <Spinner size="tiny" label={t.loading} />}
      {selection && items && !item && <Notice intent="warning">{selection.code}</Notice>}
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
      {lang !== "zh" && <Caption1 className={styles.note}>{t.originalChineseNote}</Caption1>}
      <Facts
        facts={[
          { term: t.itemCode, value: item.code },
          { term: t.clause, value: item.clause },
          {
            term: t.indicator,
            value: indicator ? `${indicator.id} ${indicator.name[lang]}` : item.indicator,
          },
          { term: t.points, value: item.points },
        ]}
      />
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
      {selection.finalised && (
        <Notice intent="warning" title={t.finalisedTitle} actions={<ViewLink view="finalise" />}>
          {t.finalisedBody}
        </Notice>
      )}
      <SetEntry selection={selection} t={t} onEntered={onEntered} />
      {selection.note && (
        <Evidence
          key={`${selection.note.cell}:${selection.note.value}`}
          item={item.code}
          selection={selection}
          t={t}
          onSaved={onEntered}
        />
      )}
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
  const locked = selection.finalised === true;

  const enter = async (value: number) => {
    if (!entry) return;
    const cell = entry.cell;
    const shown = displayCell(cell);
    setPending(value);
    const done = await set.run(
      {
        busy: (t) => fmt(t.setting, { cell: shown, value }),
        done: (t) => fmt(t.setDone, { cell: shown, value }),
        failed: "setEntryFailed",
        logged: true,
      },
      (person) => host.setEntry(cell, value, person).then(() => true),
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
          ? fmt(t.setEntryFor, { name: entry.name || t.kindVisit, cell: displayCell(entry.cell) })
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
          // The entry's own band: it is there already, so the button does not replace it with the middle.
          const current = band?.level === b.level && entry !== undefined;
          return (
            <ActionButton
              key={b.level}
              className={mergeClasses(styles.bandButton, current && styles.currentBand)}
              action={set}
              unavailable={!entry || locked || current}
              busy={pending === value}
              aria-describedby={
                entry ? "starscore-set-entry-hint starscore-set-entry-current" : "starscore-set-entry-hint"
              }
              onClick={() => void enter(value)}
            >
              {current
                ? fmt(t.setBandCurrent, { range: bandRange(b, t), value: entry.value ?? "" })
                : fmt(t.setBand, { range: bandRange(b, t), value })}
            </ActionButton>
          );
        })}
      </div>
    </section>
  );
}

/** 备注 / 证据: the item's note on the Scoring sheet, the evidence behind the scores. */
function Evidence({
  item,
  selection,
  t,
  onSaved,
}: {
  item: string;
  selection: ItemSelection;
  t: Messages;
  onSaved: () => Promise<void>;
}) {
  const styles = useStyles();
  const { host } = usePane();
  const save = useAction();
  const note = selection.note!;
  const [draft, setDraft] = useState(note.value);
  const locked = selection.finalised === true;
  const onSave = async () => {
    const done = await save.run(
      {
        busy: (t) => t.noteSaving,
        done: (t) => fmt(t.noteSaved, { item }),
        failed: "noteFailed",
        logged: true,
      },
      (person) => host.setNote(note.cell, draft, person).then(() => true),
    );
    if (done) await onSaved();
  };
  return (
    <section className={styles.section} aria-labelledby="starscore-evidence">
      <Field
        label={{ children: t.noteLabel, id: "starscore-evidence" }}
        hint={fmt(t.noteHint, { cell: displayCell(note.cell) })}
      >
        <Textarea
          value={draft}
          resize="vertical"
          readOnly={locked}
          onChange={(_, data) => setDraft(data.value)}
        />
      </Field>
      {save.failure && <ErrorBar failure={save.failure} />}
      <div className={styles.actions}>
        <ActionButton
          action={save}
          unavailable={locked || draft === note.value}
          onClick={() => void onSave()}
        >
          {t.noteSave}
        </ActionButton>
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
        listBelow={0}
        columns={[
          {
            header: t.colEvaluator,
            cell: (entry, i) => {
              const name = entry.name || `${t.kindVisit} ${i + 1}`;
              return i === selection.selectedEvaluator ? fmt(t.entrySelected, { name }) : name;
            },
          },
          { header: t.colKind, cell: (entry) => (entry.kind === "visit" ? t.kindVisit : t.kindAuditor) },
          {
            header: t.entriesValue,
            cell: (entry) => {
              const band = currentBand(entry.value);
              return entry.value === null || entry.value === ""
                ? t.entryBlank
                : band
                  ? fmt(t.entryInBand, { value: entry.value, band: bandRange(band, t) })
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
