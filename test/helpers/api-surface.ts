/**
 * Which Office.js members the task pane's code uses, which requirement set each belongs to, and
 * whether each use above the manifest's base set sits under a guard: a static analysis of
 * src/taskpane with the TypeScript compiler API over @types/office-js.
 *
 * 1. The structural types of src/taskpane/excel/host.ts are walked in parallel with Excel's own
 *    classes, starting from HOST_TYPES (HostContext ↔ Excel.RequestContext): a property's or a
 *    method's type on one side is paired with the same member's type on the other (return types,
 *    parameter types, array elements, union members), so every member of every Host* interface,
 *    and of the anonymous types inside them, is mapped to the Excel member it stands for.
 * 2. Every property access, object-literal property and destructured name in the program's
 *    sources under src/ is resolved with the type checker. One that resolves to a host.ts member
 *    takes the requirement of the Excel member it maps to; one declared in @types/office-js takes
 *    its own; an Office.js object cast to a structural type (`Office.context as unknown as {…}`) is
 *    walked like host.ts's types, so its members are found too.
 * 3. A member's requirement is the `[Api set: …]` (or `**Requirement set**: …`, the first of a
 *    list) of its declaration, or of its class when the member has none. A tag with qualifiers
 *    ("ExcelApi 1.1 for get, 1.8 for set") counts at its highest version: the analysis does not
 *    tell a read from a write. A member with no tag on it or its class (RequestContext.sync,
 *    RunOptions.delayForCellEdit, Office.onReady) has no requirement set and needs no guard.
 * 4. A use is guarded when it runs only where a check passed: `supports("1.9")` (a call of host.ts's
 *    ApiSupport with a literal-typed version) or `Office.context.requirements.isSetSupported(set,
 *    version)`, directly or through a const holding it, in the true branch of if, ?: or &&, or
 *    after `if (!check) return` (throw, continue, break). A named function is guarded when every
 *    reference to it is; code defined inside guarded code is guarded (callbacks, closures): the
 *    host's requirement sets do not change while the pane runs.
 *
 * Not seen: an object literal with no contextual type (`const o = { mergeUndoGroup: true }` passed
 * on later: type it), and a guard carried in a parameter or a mutable variable.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { MemberGuard } from "../../src/taskpane/excel/api-sets";

const root = path.resolve(__dirname, "../..");
const HOST_FILE = path.join(root, "src/taskpane/excel/host.ts");
const OFFICE_TYPES = path.join(root, "node_modules/@types/office-js/index.d.ts");

/** A requirement set and version: "ExcelApi" "1.9", "Mailbox" "1.1", "Settings" "1.1". */
export interface Requirement {
  set: string;
  version: string;
}

export interface MemberUse {
  /** The Office.js member: "Excel.Worksheet.autoFilter", "Office.Context.requirements". */
  member: string;
  /** The member's requirement set, or undefined when the typings give none. */
  requirement: Requirement | undefined;
  /** The `[Api set: …]` text the requirement was read from. */
  tag: string | undefined;
  /** Path relative to the repository, and 1-based line. */
  file: string;
  line: number;
  /** The code at the use, for messages. */
  text: string;
  /** The guard found around the use (compared against `required`), if any. */
  guarded: (required: Requirement) => boolean;
}

export interface Surface {
  /** Every use of an Office.js member in the sources, in file order. */
  uses: MemberUse[];
  /** host.ts member ("HostWorksheet.autoFilter") → the Excel members it stands for. */
  hostMembers: Map<string, string[]>;
  /** The named Host* interfaces the walk reached. */
  reachedHostTypes: Set<string>;
  /** Every interface host.ts exports. */
  declaredHostTypes: string[];
  /** host.ts members that have no counterpart in the Excel type they were paired with. */
  unmatched: string[];
}

export interface AnalyseOptions {
  /** Host type name → Excel type ("HostContext" → "Excel.RequestContext"). */
  hostTypes: Readonly<Record<string, string>>;
  /** Extra sources (path → text), analysed with the real ones: the checker's own tests. */
  extraFiles?: Readonly<Record<string, string>>;
  /** Only uses in files under these directories are reported (default: src/taskpane). */
  scan?: readonly string[];
}

/** "1.10" > "1.9". */
export function compareVersions(a: string, b: string): number {
  const as = a.split(".").map(Number);
  const bs = b.split(".").map(Number);
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    const d = (as[i] ?? 0) - (bs[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether a guard of `guard` covers a member that needs `need`. */
export function covers(guard: Requirement, need: Requirement): boolean {
  return guard.set === need.set && compareVersions(guard.version, need.version) >= 0;
}

/**
 * The requirement in a JSDoc text: `[Api set: ExcelApi 1.1 for get, 1.8 for set]` → ExcelApi 1.8
 * (the highest version named), `**Requirement set**: {@link … | Settings}` → Settings 1.1.
 */
export function parseRequirement(doc: string): { requirement: Requirement; tag: string } | undefined {
  const apiSet = /\[Api set: ([A-Za-z]+) ([^\]]*)\]/.exec(doc);
  if (apiSet) {
    const versions = [...apiSet[2]!.matchAll(/\d+\.\d+/g)].map((m) => m[0]);
    const version = versions.sort(compareVersions).at(-1) ?? "1.1";
    return { requirement: { set: apiSet[1]!, version }, tag: apiSet[0] };
  }
  // Common API: "**Requirement set**: {@link … | Settings}"; of a list ("**Requirement sets**:"
  // then one per line) the first counts.
  const common = /\*\*Requirement sets?\*\*:[\s*-]*\{@link [^|}]*\|\s*([A-Za-z]+)(?: (\d+\.\d+))?\s*\}/.exec(
    doc,
  );
  if (common && common[1] !== "Not") {
    return { requirement: { set: common[1]!, version: common[2] ?? "1.1" }, tag: common[0] };
  }
  return undefined;
}

export function analyse(options: AnalyseOptions): Surface {
  const scan = (options.scan ?? ["src/taskpane"]).map((dir) => path.join(root, dir));
  const extra = new Map(Object.entries(options.extraFiles ?? {}).map(([f, t]) => [path.join(root, f), t]));
  const rootsFile = path.join(root, "src/taskpane/excel/__api-surface-roots__.ts");
  const rootEntries = Object.entries(options.hostTypes);
  extra.set(
    rootsFile,
    rootEntries
      .map(([host, excel], i) => `export type Pair${i} = [import("./host").${host}, ${excel}];`)
      .join("\n"),
  );
  const program = createProgram([...listSources(path.join(root, "src/taskpane")), ...extra.keys()], extra);
  const checker = program.getTypeChecker();
  const officeFile = program.getSourceFile(OFFICE_TYPES);
  if (!officeFile) throw new Error(`${OFFICE_TYPES} is not in the program`);
  const inOffice = (node: ts.Node | undefined) => node?.getSourceFile() === officeFile;
  const isProjectSource = (file: ts.SourceFile) =>
    file.fileName.startsWith(path.join(root, "src") + path.sep) || extra.has(path.resolve(file.fileName));
  const hostFile = program.getSourceFile(HOST_FILE)!;

  // 1. host.ts's types against Excel's.
  /** A host.ts (or cast target) declaration → the Office.js members it stands for. */
  const mapped = new Map<ts.Declaration, OfficeMember[]>();
  const hostMembers = new Map<string, string[]>();
  const reachedHostTypes = new Set<string>();
  const unmatched: string[] = [];
  const walked = new Map<ts.Type, Set<ts.Type>>();

  /** The member's own tag (the highest over its overloads), else its class's or interface's. */
  const requirementOf = (symbol: ts.Symbol): OfficeMember["requirement"] => {
    const declarations = symbol.declarations ?? [];
    const highest = (tags: OfficeMember["requirement"][]) =>
      tags
        .filter((r) => r !== undefined)
        .sort((a, b) => compareVersions(a.requirement.version, b.requirement.version))
        .at(-1);
    return (
      highest(declarations.map(readTag)) ??
      highest(
        declarations
          .map((d) => d.parent)
          .filter((p) => ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p))
          .map(readTag),
      )
    );
  };

  /** "Excel.Worksheet"; an anonymous type by where it is declared: "Office.onReady()". */
  const qualified = (symbol: ts.Symbol): string => {
    const name = checker.getFullyQualifiedName(symbol);
    return name.startsWith("__") ? (ownerOf(symbol.declarations?.[0]) ?? name) : name;
  };
  /** The nearest named declaration around an anonymous one. */
  const ownerOf = (decl: ts.Node | undefined): string | undefined => {
    for (let node = decl?.parent; node; node = node.parent) {
      const named = (node as ts.Node & { name?: ts.Node }).name;
      const owner = named && checker.getSymbolAtLocation(named);
      if (owner) return `${checker.getFullyQualifiedName(owner)}${ts.isFunctionLike(node) ? "()" : ""}`;
    }
    return undefined;
  };
  const nameOf = (type: ts.Type): string => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return symbol ? qualified(symbol) : checker.typeToString(type);
  };

  const objectParts = (type: ts.Type): ts.Type[] =>
    (type.isUnion() ? type.types : [type]).filter(
      (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
    );

  /** Pairs a host-side type with the Office.js types it stands for, member by member. */
  const pair = (hostType: ts.Type, officeTypes: ts.Type[], label: string): void => {
    for (const host of objectParts(hostType)) {
      if (!(host.flags & ts.TypeFlags.Object)) continue;
      const offices = officeTypes.flatMap(objectParts).filter((t) => t.flags & ts.TypeFlags.Object);
      if (offices.length === 0) continue;
      if (checker.isArrayLikeType(host)) {
        const element = (t: ts.Type) => checker.getIndexTypeOfType(t, ts.IndexKind.Number);
        const officeElements = offices.map(element).filter((t): t is ts.Type => t !== undefined);
        pair(element(host) ?? host, officeElements, `${label}[]`);
        continue;
      }
      const hostSymbol = host.aliasSymbol ?? host.getSymbol();
      const hostDecl = hostSymbol?.declarations?.[0];
      // Only the project's own structural types are walked: Excel's own (used as is in host.ts)
      // resolve directly, and the standard library's (Promise) stand for nothing.
      if (!hostDecl || !isProjectSource(hostDecl.getSourceFile())) continue;
      const seen = walked.get(host) ?? new Set();
      if (offices.every((o) => seen.has(o))) continue;
      offices.forEach((o) => seen.add(o));
      walked.set(host, seen);
      if (hostDecl.getSourceFile() === hostFile && ts.isInterfaceDeclaration(hostDecl)) {
        reachedHostTypes.add(hostDecl.name.text);
      }
      const hostName = ts.isInterfaceDeclaration(hostDecl) ? hostDecl.name.text : label;

      pairSignatures(
        host.getCallSignatures(),
        offices.flatMap((o) => o.getCallSignatures()),
        label,
      );

      for (const property of host.getProperties()) {
        const decl = property.declarations?.[0];
        if (!decl) continue;
        const matches = offices.flatMap((office) => {
          const officeProperty = office.getProperty(property.name);
          return officeProperty ? [{ office, officeProperty }] : [];
        });
        const key = `${hostName}.${property.name}`;
        if (matches.length === 0) {
          unmatched.push(`${key} (paired with ${offices.map(nameOf).join(" | ")})`);
          continue;
        }
        const members = matches.map(({ office, officeProperty }) => ({
          member: `${nameOf(office)}.${property.name}`,
          requirement: requirementOf(officeProperty),
        }));
        const known = mapped.get(decl) ?? [];
        for (const m of members) if (!known.some((k) => k.member === m.member)) known.push(m);
        mapped.set(decl, known);
        hostMembers.set(key, [...new Set(known.map((k) => k.member))]);
        pair(
          checker.getTypeOfSymbol(property),
          matches.map(({ officeProperty }) => checker.getTypeOfSymbol(officeProperty)),
          key,
        );
      }
    }
  };

  const pairSignatures = (hosts: readonly ts.Signature[], offices: ts.Signature[], label: string) => {
    if (hosts.length === 0 || offices.length === 0) return;
    for (const host of hosts) {
      pair(
        host.getReturnType(),
        offices.map((o) => o.getReturnType()),
        `${label}()`,
      );
      host.getParameters().forEach((parameter, i) => {
        const officeParameters = offices
          .map((o) => o.getParameters()[i])
          .filter((p): p is ts.Symbol => p !== undefined)
          .map((p) => checker.getTypeOfSymbol(p));
        pair(checker.getTypeOfSymbol(parameter), officeParameters, `${label}(${parameter.name})`);
      });
    }
  };

  const rootsSource = program.getSourceFile(rootsFile)!;
  rootsSource.statements.forEach((statement, i) => {
    if (!ts.isTypeAliasDeclaration(statement)) return;
    const tuple = checker.getTypeFromTypeNode(statement.type);
    const [host, office] = checker.getTypeArguments(tuple as ts.TypeReference);
    if (!host || !office || office.flags & ts.TypeFlags.Any) {
      throw new Error(`HOST_TYPES: ${rootEntries[i]![0]} → ${rootEntries[i]![1]} does not resolve`);
    }
    pair(host, [office], rootEntries[i]![0]);
  });

  // 2. The uses.
  const sources = program
    .getSourceFiles()
    .filter((f) => scan.some((dir) => f.fileName.startsWith(dir + path.sep)) && f !== rootsSource);
  const guards = new GuardAnalysis(
    checker,
    program.getSourceFiles().filter((f) => f.fileName.startsWith(path.join(root, "src") + path.sep)),
    hostFile,
  );
  const uses: MemberUse[] = [];

  const record = (node: ts.Node, members: OfficeMember[]) => {
    const file = node.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    for (const { member, requirement } of members) {
      uses.push({
        member,
        requirement: requirement?.requirement,
        tag: requirement?.tag,
        file: path.relative(root, file.fileName),
        line: line + 1,
        text: node.getText().replace(/\s+/g, " ").slice(0, 100),
        guarded: (required) => guards.isGuarded(node, required),
      });
    }
  };

  /** The Office.js members a resolved symbol stands for. */
  const membersOf = (symbol: ts.Symbol | undefined): OfficeMember[] => {
    const decl = symbol?.declarations?.[0];
    if (!symbol || !decl) return [];
    const known = mapped.get(decl);
    if (known) return known;
    if (!inOffice(decl)) return [];
    const name = checker.getFullyQualifiedName(symbol);
    const member = name.startsWith("__") ? `${ownerOf(decl) ?? "?"}.${symbol.name}` : name;
    return [{ member, requirement: requirementOf(symbol) }];
  };

  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isImportDeclaration(node)) return;
    if (ts.isPropertyAccessExpression(node)) {
      record(node, membersOf(checker.getSymbolAtLocation(node.name)));
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      const owner = checker.getTypeAtLocation(node.expression);
      record(node, membersOf(owner.getProperty(node.argumentExpression.text)));
    } else if (
      (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
      ts.isObjectLiteralExpression(node.parent)
    ) {
      const owner = checker.getContextualType(node.parent);
      const name = node.name.getText();
      for (const part of owner ? objectParts(owner) : []) {
        record(node, membersOf(part.getProperty(name)));
      }
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const owner = checker.getTypeAtLocation(node.parent);
      const name = (node.propertyName ?? node.name).getText();
      record(node, membersOf(owner.getProperty(name)));
    }
    ts.forEachChild(node, visit);
  };
  // The casts first, so that a member reached through one is mapped wherever it is used.
  sources.forEach((file) => ts.forEachChild(file, (n) => void collectCasts(n)));
  sources.forEach((file) => ts.forEachChild(file, visit));

  function collectCasts(node: ts.Node): void {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      let source: ts.Expression = node.expression;
      while (ts.isAsExpression(source) || ts.isParenthesizedExpression(source)) source = source.expression;
      const sourceType = checker.getTypeAtLocation(source);
      if (inOffice(sourceType.getSymbol()?.declarations?.[0])) {
        pair(checker.getTypeAtLocation(node), [sourceType], node.type.getText());
      }
    }
    ts.forEachChild(node, collectCasts);
  }

  const declaredHostTypes = [
    ...new Set(
      hostFile.statements
        .filter(ts.isInterfaceDeclaration)
        .filter((d) => d.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
        .map((d) => d.name.text),
    ),
  ];
  return { uses, hostMembers, reachedHostTypes, declaredHostTypes, unmatched };

  function readTag(decl: ts.Node): OfficeMember["requirement"] {
    const docs = ts.getJSDocCommentsAndTags(decl).map((d) => d.getText());
    for (const doc of docs) {
      const parsed = parseRequirement(doc);
      if (parsed) return parsed;
    }
    return undefined;
  }
}

interface OfficeMember {
  member: string;
  requirement: { requirement: Requirement; tag: string } | undefined;
}

/**
 * Whether a node runs only where a requirement set is supported: see the file comment, point 4.
 */
class GuardAnalysis {
  private identifiers?: Map<string, ts.Identifier[]>;
  private readonly functionGuarded = new Map<string, boolean>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly files: readonly ts.SourceFile[],
    private readonly hostFile: ts.SourceFile,
  ) {}

  isGuarded(node: ts.Node, need: Requirement, depth = 0): boolean {
    if (depth > 20) return false;
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent)) {
        if (child === parent.thenStatement && this.implies(parent.expression, need, true)) return true;
        if (child === parent.elseStatement && this.implies(parent.expression, need, false)) return true;
      } else if (ts.isConditionalExpression(parent)) {
        if (child === parent.whenTrue && this.implies(parent.condition, need, true)) return true;
        if (child === parent.whenFalse && this.implies(parent.condition, need, false)) return true;
      } else if (ts.isBinaryExpression(parent) && child === parent.right) {
        const op = parent.operatorToken.kind;
        if (op === ts.SyntaxKind.AmpersandAmpersandToken && this.implies(parent.left, need, true))
          return true;
        if (op === ts.SyntaxKind.BarBarToken && this.implies(parent.left, need, false)) return true;
      } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent)) {
        const statements = parent.statements;
        for (const before of statements.slice(0, statements.indexOf(child as ts.Statement))) {
          if (this.exitsUnless(before, need)) return true;
        }
      }
      if (ts.isFunctionLike(parent) && this.isNamedFunction(parent)) {
        return this.namedFunctionGuarded(parent, need, depth) || this.isGuarded(parent, need, depth + 1);
      }
    }
    return false;
  }

  /** `if (!supports(v)) return …;` (or throw, continue, break), or its if/else mirror. */
  private exitsUnless(statement: ts.Statement, need: Requirement): boolean {
    if (!ts.isIfStatement(statement)) return false;
    if (exits(statement.thenStatement) && !statement.elseStatement) {
      return this.implies(statement.expression, need, false);
    }
    if (statement.elseStatement && exits(statement.elseStatement)) {
      return this.implies(statement.expression, need, true);
    }
    return false;
  }

  /** Whether `expression` being `truth` means the set is supported at `need`. */
  private implies(expression: ts.Expression, need: Requirement, truth: boolean): boolean {
    if (ts.isParenthesizedExpression(expression)) return this.implies(expression.expression, need, truth);
    if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
      return this.implies(expression.operand, need, !truth);
    }
    if (ts.isBinaryExpression(expression)) {
      const op = expression.operatorToken.kind;
      const [l, r] = [expression.left, expression.right];
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
        return truth
          ? this.implies(l, need, true) || this.implies(r, need, true)
          : this.implies(l, need, false) && this.implies(r, need, false);
      }
      if (op === ts.SyntaxKind.BarBarToken) {
        return truth
          ? this.implies(l, need, true) && this.implies(r, need, true)
          : this.implies(l, need, false) || this.implies(r, need, false);
      }
      return false;
    }
    if (ts.isIdentifier(expression)) {
      const decl = this.checker.getSymbolAtLocation(expression)?.valueDeclaration;
      if (
        decl &&
        ts.isVariableDeclaration(decl) &&
        decl.initializer &&
        ts.isVariableDeclarationList(decl.parent) &&
        decl.parent.flags & ts.NodeFlags.Const
      ) {
        return this.implies(decl.initializer, need, truth);
      }
      return false;
    }
    if (!truth || !ts.isCallExpression(expression)) return false;
    const guard = this.guardOf(expression);
    return guard !== undefined && covers(guard, need);
  }

  /** `supports("1.9")` → ExcelApi 1.9; `….isSetSupported("ExcelApi", "1.9")` → the same. */
  guardOf(call: ts.CallExpression): Requirement | undefined {
    const declaration = this.checker.getResolvedSignature(call)?.declaration;
    if (!declaration) return undefined;
    const literal = (arg: ts.Expression | undefined) => {
      const type = arg && this.checker.getTypeAtLocation(arg);
      return type?.isStringLiteral() ? type.value : undefined;
    };
    const isApiSupport =
      declaration.getSourceFile() === this.hostFile &&
      ts.isTypeAliasDeclaration(declaration.parent) &&
      declaration.parent.name.text === "ApiSupport";
    if (isApiSupport) {
      const version = literal(call.arguments[0]);
      return version ? { set: "ExcelApi", version } : undefined;
    }
    const name = ts.isMethodSignature(declaration) ? declaration.name.getText() : undefined;
    const owner = ts.isInterfaceDeclaration(declaration.parent) ? declaration.parent.name.text : undefined;
    if (name === "isSetSupported" && owner === "RequirementSetSupport") {
      const [set, version] = [literal(call.arguments[0]), literal(call.arguments[1])];
      return set ? { set, version: version ?? "1.1" } : undefined;
    }
    return undefined;
  }

  private isNamedFunction(fn: ts.SignatureDeclaration): boolean {
    return this.bindingOf(fn) !== undefined;
  }

  /** The name a function is reachable by: its declaration's, its const's or its property's. */
  private bindingOf(fn: ts.SignatureDeclaration): ts.Identifier | undefined {
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) {
      return fn.name;
    }
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parent) {
      const p = fn.parent;
      if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name;
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return p.name;
    }
    return undefined;
  }

  /** Every reference to the function is guarded (and there is one). */
  private namedFunctionGuarded(fn: ts.SignatureDeclaration, need: Requirement, depth: number): boolean {
    const name = this.bindingOf(fn)!;
    const key = `${fn.getSourceFile().fileName}:${fn.pos}:${need.set} ${need.version}`;
    const memo = this.functionGuarded.get(key);
    if (memo !== undefined) return memo;
    this.functionGuarded.set(key, false); // a cycle proves nothing
    const symbol = this.resolve(this.checker.getSymbolAtLocation(name));
    const references = (this.index().get(name.text) ?? []).filter(
      (id) => id !== name && !isDeclarationOnly(id) && this.resolve(this.referenced(id)) === symbol,
    );
    const guarded = references.length > 0 && references.every((ref) => this.isGuarded(ref, need, depth + 1));
    this.functionGuarded.set(key, guarded);
    return guarded;
  }

  private referenced(id: ts.Identifier): ts.Symbol | undefined {
    if (ts.isShorthandPropertyAssignment(id.parent)) {
      return this.checker.getShorthandAssignmentValueSymbol(id.parent);
    }
    return this.checker.getSymbolAtLocation(id);
  }

  private resolve(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  private index(): Map<string, ts.Identifier[]> {
    if (this.identifiers) return this.identifiers;
    const identifiers = new Map<string, ts.Identifier[]>();
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node)) {
        const list = identifiers.get(node.text) ?? [];
        list.push(node);
        identifiers.set(node.text, list);
      }
      ts.forEachChild(node, visit);
    };
    this.files.forEach(visit);
    this.identifiers = identifiers;
    return identifiers;
  }
}

/** A statement that always leaves its block. */
function exits(statement: ts.Statement): boolean {
  if (ts.isBlock(statement)) {
    const last = statement.statements.at(-1);
    return last !== undefined && exits(last);
  }
  return (
    ts.isReturnStatement(statement) ||
    ts.isThrowStatement(statement) ||
    ts.isContinueStatement(statement) ||
    ts.isBreakStatement(statement)
  );
}

/** Import and export specifiers name a function without running it. */
function isDeclarationOnly(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    ts.isImportSpecifier(p) ||
    ts.isImportClause(p) ||
    ts.isExportSpecifier(p) ||
    ts.isNamespaceImport(p) ||
    ts.isTypeQueryNode(p)
  );
}

function listSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [file] : [];
  });
}

/** Parsed files outside the sources (the typings above all), kept between analyses. */
const parsed = new Map<string, ts.SourceFile>();

function createProgram(rootNames: string[], extra: Map<string, string>): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("tsconfig.json could not be read");
  const options: ts.CompilerOptions = { ...config.options, types: ["office-js"], noEmit: true };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = extra.get(path.resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    const cached = parsed.get(fileName);
    if (cached) return cached;
    const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (file && fileName.includes(`${path.sep}node_modules${path.sep}`)) parsed.set(fileName, file);
    return file;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => extra.has(path.resolve(fileName)) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => extra.get(path.resolve(fileName)) ?? readFile(fileName);
  return ts.createProgram({ rootNames, options, host });
}

/** What the requirement-set check found wrong, one line each. */
export interface Problem {
  kind: "unlisted" | "guard-below-set" | "unguarded" | "stale";
  member: string;
  message: string;
  /** Where the use is (unlisted, unguarded). */
  file?: string;
  line?: number;
}

/**
 * The uses against the declared guards: a member above `base` (ExcelApi) or in another set must
 * be listed, its guard must reach the member's set, every use must sit under that guard, and
 * every listed member must still be used above the base.
 */
export function check(
  surface: Pick<Surface, "uses">,
  guarded: Readonly<Record<string, MemberGuard>>,
  base: string,
): Problem[] {
  const problems = new Map<string, Problem>();
  const add = (kind: Problem["kind"], member: string, message: string, use?: MemberUse) =>
    problems.set(message, { kind, member, message, ...(use && { file: use.file, line: use.line }) });
  const baseSet: Requirement = { set: "ExcelApi", version: base };
  const needed = new Set<string>();
  for (const use of surface.uses) {
    const { member, requirement, tag } = use;
    if (!requirement || covers(baseSet, requirement)) continue;
    needed.add(member);
    const where = `${use.file}:${use.line} \`${use.text}\``;
    const guard = guarded[member];
    if (guard === undefined) {
      add(
        "unlisted",
        member,
        `${where}: ${member} is ${tag}, above the manifest's ExcelApi ${base}; guard it with supports(…) and list it in GUARDED_MEMBERS`,
        use,
      );
      continue;
    }
    if (typeof guard !== "string") continue;
    const guardSet: Requirement = { set: "ExcelApi", version: guard };
    if (!covers(guardSet, requirement)) {
      add(
        "guard-below-set",
        member,
        `GUARDED_MEMBERS: ${member} is ${tag}, but its guard tests ExcelApi ${guard}`,
      );
    } else if (!use.guarded(guardSet)) {
      add(
        "unguarded",
        member,
        `${where}: ${member} (${tag}) is used outside a supports("${guard}") check`,
        use,
      );
    }
  }
  for (const member of Object.keys(guarded)) {
    if (!needed.has(member)) {
      add(
        "stale",
        member,
        `GUARDED_MEMBERS: ${member} is not used above ExcelApi ${base} any more; remove it`,
      );
    }
  }
  return [...problems.values()];
}
