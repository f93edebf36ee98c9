// Reads a PDF with Mozilla's PDF.js (the reader inside Firefox, which hands this structure tree
// to screen readers) and checks what a screen reader would get: the structure tree of every
// page, each element with the text of its marked content, in the tree's order.
//
// usage: node struct_tree.mjs FILE.pdf [--roles H1,P,L,LI,Figure] [--dump] [--known-figures-without-alt]
//          [--lang TAG=TEXT]... [--links] [--alt TEXT]... TEXT...
//   fails unless every page has a structure tree, every role named occurs, every Figure has
//   alt text, and each TEXT occurs in the tree's text after the one before it. --lang: an
//   element with /Lang TAG holds TEXT, and no element of another language does. --links: every
//   Link element holds text and its annotation. --alt: a Figure's alt text begins with TEXT.
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const args = process.argv.slice(2);
let file = null;
let roles = [];
let dump = false;
let knownNoAlt = false;  // the layout owes some figure its alt text (tag_checks.py's 13-004)
let links = false;
const texts = [];
const langs = [];  // [tag, text]
const alts = [];
while (args.length) {
  const a = args.shift();
  if (a === "--roles") roles = args.shift().split(",");
  else if (a === "--dump") dump = true;
  else if (a === "--known-figures-without-alt") knownNoAlt = true;
  else if (a === "--lang") {
    const [tag, ...text] = args.shift().split("=");
    langs.push([tag, text.join("=")]);
  } else if (a === "--links") links = true;
  else if (a === "--alt") alts.push(args.shift());
  else if (file === null) file = a;
  else texts.push(a);
}

const failures = [];
const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
const lines = [];  // "Role: text", in reading order
const flow = [];   // the text of every marked content the tree reaches, in the tree's order
const seen = new Map();
let figuresWithoutAlt = 0;
const spoken = [];  // [lang, text] of the innermost element with a /Lang around each text
const figureAlts = [];
const linkElements = [];  // {text, annotation}

function textOf(node, mc) {
  if (node.type === "content") return mc.get(node.id) ?? "";
  if (node.type === "object" || node.type === "annotation") return "";
  return (node.children ?? []).map((c) => textOf(c, mc)).join("");
}

function walk(node, mc, depth, lang) {
  if (!node) return;
  if (node.type === "content") {
    flow.push(mc.get(node.id) ?? "");
    spoken.push([lang, mc.get(node.id) ?? ""]);
  }
  if (node.type) return;
  const role = node.role;
  lang = node.lang ?? lang;
  if (role && role !== "Root") {
    seen.set(role, (seen.get(role) ?? 0) + 1);
    if (role === "Figure" && !node.alt) figuresWithoutAlt++;
    if (role === "Figure" && node.alt) figureAlts.push(node.alt);
    if (role === "Link")
      linkElements.push({
        text: textOf(node, mc).trim(),
        annotation: (node.children ?? []).some((c) => c.type === "annotation" || c.type === "object"),
      });
    const text = role === "Figure" ? `[${node.alt ?? ""}] ${textOf(node, mc)}` : textOf(node, mc);
    lines.push(`${"  ".repeat(depth)}${role}: ${text.replace(/\s+/g, " ").trim()}`);
  }
  for (const c of node.children ?? []) walk(c, mc, depth + 1, lang);
}

for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const tree = await page.getStructTree();
  if (!tree || !(tree.children ?? []).length) {
    failures.push(`page ${i}: no structure tree`);
    continue;
  }
  // The text of each marked-content sequence, by the id the structure tree's content nodes name.
  const content = await page.getTextContent({ includeMarkedContent: true });
  const mc = new Map();
  const open = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") open.push(item.id ?? null);
    else if (item.type === "endMarkedContent") open.pop();
    else if (item.str !== undefined) {
      const id = open.findLast((x) => x);
      if (id) mc.set(id, (mc.get(id) ?? "") + item.str + (item.hasEOL ? " " : ""));
    }
  }
  lines.push(`page ${i}`);
  walk(tree, mc, 0);
  page.cleanup();
}
await doc.destroy();

if (dump) console.log(lines.join("\n"));
for (const r of roles) if (!seen.get(r)) failures.push(`no ${r} element`);
if (figuresWithoutAlt && knownNoAlt) console.log(`XFAIL: ${figuresWithoutAlt} figures without alt text`);
else if (figuresWithoutAlt) failures.push(`${figuresWithoutAlt} figures without alt text`);
for (const [tag, text] of langs) {
  const norm = (s) => s.replace(/\s+/g, " ");
  const inTag = norm(spoken.filter(([l]) => l === tag).map(([, t]) => t).join(" "));
  const elsewhere = norm(spoken.filter(([l]) => l !== tag).map(([, t]) => t).join(" "));
  if (!inTag.includes(text)) failures.push(`no element with /Lang ${tag} holds "${text}"`);
  if (elsewhere.includes(text)) failures.push(`"${text}" is also in an element of another language`);
}
if (links) {
  if (!linkElements.length) failures.push("no Link element");
  for (const l of linkElements) {
    if (!l.text) failures.push("a Link element holds no text");
    if (!l.annotation) failures.push(`the Link element "${l.text}" holds no annotation`);
  }
}
for (const a of alts) if (!figureAlts.some((x) => x.startsWith(a))) failures.push(`no Figure's alt text begins "${a}"`);
const all = flow.join("").replace(/\s+/g, " ");
let at = 0;
for (const t of texts) {
  const found = all.indexOf(t, at);
  if (found < 0) failures.push(all.includes(t) ? `"${t}" comes too early (out of reading order)` : `"${t}" is not in the tree`);
  else at = found + t.length;
}
console.log(`pdf.js: ${doc.numPages} pages, ` + [...seen].map(([r, n]) => `${r} ${n}`).join(", "));
for (const f of failures) console.log(`FAIL: ${f}`);
process.exit(failures.length ? 1 : 0);
