/**
 * The longest functions in the tree, by lines: function declarations and expressions, arrow
 * functions, methods, accessors and constructors, each named by where it sits (`app.post
 * '/:lang/me/totp'`, `makeGate.ceremony`, …). A function inside another counts in both.
 *
 *   node --import tsx scripts/longest-functions.ts [dir …] [--top 20] [--max 150]
 *
 * Prints the `--top` longest (default 20) under the directories (default `src`); with `--max`, exits
 * with status 1 when any is longer than that.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './import-graph.ts';

export interface FunctionLength {
  file: string;
  line: number;
  lines: number;
  name: string;
}

type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

function isFunction(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** A readable name: its own, else the variable, property or call it is handed to. */
function nameOf(node: FunctionNode, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent)
  ) {
    return parent.name.getText(source);
  }
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText(source);
    const first = parent.arguments[0];
    const label = first && ts.isStringLiteralLike(first) ? ` '${first.text}'` : '';
    return `${callee}${label}`;
  }
  return '(anonymous)';
}

/** Every function of one file with its length in lines (first to last line, both counted). */
export function functionsOf(file: string, text = readFileSync(file, 'utf8')): FunctionLength[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: FunctionLength[] = [];
  const visit = (node: ts.Node, outer: string[]) => {
    let names = outer;
    if (isFunction(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = [...outer, nameOf(node, source)].join('.');
      out.push({ file, line: start + 1, lines: end - start + 1, name });
      names = [...outer, nameOf(node, source)];
    }
    ts.forEachChild(node, (child) => visit(child, names));
  };
  visit(source, []);
  return out;
}

/** The functions under the directories, longest first. */
export function longestFunctions(dirs: string[]): FunctionLength[] {
  const all = dirs.flatMap((dir) =>
    sourceFiles(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => functionsOf(f)),
  );
  return all.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

function main(argv: string[]): number {
  const dirs: string[] = [];
  let top = 20;
  let max: number | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--top') top = Number(argv[(i += 1)]);
    else if (arg === '--max') max = Number(argv[(i += 1)]);
    else dirs.push(arg);
  }
  const found = longestFunctions(dirs.length ? dirs : ['src']);
  for (const f of found.slice(0, top)) {
    console.log(
      `${String(f.lines).padStart(5)}  ${path.relative(process.cwd(), f.file)}:${f.line}  ${f.name}`,
    );
  }
  if (max === undefined) return 0;
  const over = found.filter((f) => f.lines > max);
  if (over.length) console.error(`${over.length} function(s) over ${max} lines`);
  return over.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
