// The what-if YAML editor: CodeMirror 6 with YAML highlighting, and as inline diagnostics both
// the YAML syntax errors (checked as you type) and the load problems the server reported.
import { EditorView, basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { forceLinting, linter, lintGutter } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { parseAllDocuments } from 'yaml';

export interface LineProblem {
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

function lineRange(doc: Text, line: number): { from: number; to: number } {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return { from: l.from, to: Math.max(l.from, l.to) };
}

function syntaxDiagnostics(doc: Text): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const document of parseAllDocuments(doc.toString())) {
    for (const error of [...document.errors, ...document.warnings]) {
      const [from, to] = error.pos;
      out.push({ from: Math.min(from, doc.length), to: Math.min(Math.max(to, from), doc.length), severity: error.name === 'YAMLWarning' ? 'warning' : 'error', message: error.message.split('\n')[0] ?? error.message, source: 'YAML' });
    }
  }
  return out;
}

export class WhatIfEditor {
  readonly view: EditorView;
  private serverProblems: LineProblem[] = [];

  constructor(parent: HTMLElement, onChange: (text: string) => void) {
    this.view = new EditorView({
      parent,
      doc: '',
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        linter((view) => [...syntaxDiagnostics(view.state.doc), ...this.problemDiagnostics(view.state.doc)], { delay: 300 }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            this.serverProblems = [];
            onChange(update.state.doc.toString());
          }
        }),
        EditorView.theme({ '&': { height: '100%' }, '.cm-scroller': { fontFamily: 'ui-monospace, "JetBrains Mono", Menlo, Consolas, monospace' } }),
      ],
    });
  }

  private problemDiagnostics(doc: Text): Diagnostic[] {
    return this.serverProblems.map((p) => ({ ...lineRange(doc, p.line), severity: p.severity, message: p.message, source: 'netwarden' }));
  }

  text(): string {
    return this.view.state.doc.toString();
  }

  setText(text: string): void {
    if (text === this.text()) return;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  setProblems(problems: LineProblem[]): void {
    this.serverProblems = problems;
    forceLinting(this.view);
  }

  destroy(): void {
    this.view.destroy();
  }
}
