/**
 * Test support: checks that an API reference built by TypeDoc covers every export of a
 * package entry point. The exported names come from the TypeScript compiler's own view of
 * the entry module (`getExportsOfModule`), independently of TypeDoc's conversion; each must
 * appear in the converted reference with a non-empty summary (for a function: on the
 * declaration or on every call signature), and that summary must come from a doc comment on
 * the export's own declaration (TypeDoc copies a base interface's comment to an undocumented
 * interface that extends it, which documents nothing).
 */
import ts from 'typescript';
import {
  Application,
  Comment,
  DeclarationReflection,
  LogLevel,
  ReflectionKind,
  TSConfigReader,
  TypeDocReader,
  type ContainerReflection,
  type Reflection,
} from 'typedoc';

/** What the reference built from one TypeDoc options file lacks. */
export interface ApiReferenceGaps {
  /** Every name the entry point exports (sorted), per the TypeScript compiler. */
  readonly exported: readonly string[];
  /** Exported names with no entry in the reference (e.g. hidden by `@internal`). */
  readonly missing: readonly string[];
  /** Exported names whose reference entry has no summary text. */
  readonly undocumented: readonly string[];
}

/**
 * Converts the project described by `optionsFile` (a typedoc.json with one entry point) and
 * compares it with the entry point's exports. Renders nothing and writes no files.
 *
 * @throws Error naming `optionsFile` when TypeDoc cannot convert it.
 */
export async function apiReferenceGaps(optionsFile: string): Promise<ApiReferenceGaps> {
  // Explicit readers: the defaults also read process.argv, which belongs to the test runner.
  const app = await Application.bootstrap({ options: optionsFile, logLevel: LogLevel.Error }, [
    new TypeDocReader(),
    new TSConfigReader(),
  ]);
  const entryPoints = app.getEntryPoints() ?? [];
  const project = await app.convert();
  if (project === undefined || entryPoints.length !== 1) {
    throw new Error(`${optionsFile}: TypeDoc could not convert exactly one entry point`);
  }
  const [{ program, sourceFile }] = entryPoints as [(typeof entryPoints)[number]];
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  if (moduleSymbol === undefined) throw new Error(`${sourceFile.fileName}: not a module`);
  const exports = new Map(
    checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.name, symbol] as const),
  );
  const exported = [...exports.keys()].sort();

  const documentedModule = singleModule(project);
  const missing: string[] = [];
  const undocumented: string[] = [];
  for (const name of exported) {
    const reflection = documentedModule.getChildByName(name);
    if (reflection === undefined) missing.push(name);
    else if (!hasSummary(reflection) || !hasOwnDocComment(checker, exports.get(name)!)) {
      undocumented.push(name);
    }
  }
  return { exported, missing, undocumented };
}

/** The reflection holding the exports: the project, or its only module. */
function singleModule(project: ContainerReflection): ContainerReflection {
  const children = project.children ?? [];
  const [only] = children;
  return children.length === 1 && only !== undefined && only.kindOf(ReflectionKind.Module)
    ? only
    : project;
}

/** True when the reflection, or every one of its call signatures, has summary text. */
function hasSummary(reflection: Reflection): boolean {
  const text = (r: Reflection): string => Comment.combineDisplayParts(r.comment?.summary).trim();
  if (text(reflection) !== '') return true;
  const signatures =
    reflection instanceof DeclarationReflection ? reflection.getNonIndexSignatures() : [];
  return signatures.length > 0 && signatures.every((signature) => text(signature) !== '');
}

/** True when the symbol's own declaration carries doc-comment text (TypeScript's reading). */
function hasOwnDocComment(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  const original = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return ts.displayPartsToString(original.getDocumentationComment(checker)).trim() !== '';
}
