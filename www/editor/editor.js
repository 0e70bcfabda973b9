// The lab's code editor: CodeMirror 6 with Python highlighting, line
// numbers, undo, Tab and Shift-Tab indentation, Ctrl/Cmd-Enter to run, an
// error marked at its line, and the replay's markers: one per thread on the
// line that thread stood on, in its lane's colour.
//
// Bundled at build time into `editor.js` (tools/bundle-editor.mjs) and
// imported by the app only when the lab opens.

import { EditorState, StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import {
  Decoration, EditorView, GutterMarker, WidgetType, drawSelection, gutter,
  highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { classHighlighter } from '@lezer/highlight';

const setError = StateEffect.define();
const setThreads = StateEffect.define();

class Message extends WidgetType {
  constructor(text) {
    super();
    this.text = text;
  }
  eq(other) {
    return other.text === this.text;
  }
  toDOM() {
    const note = document.createElement('span');
    note.className = 'cm-error-message';
    note.textContent = this.text;
    return note;
  }
}

// The error shown: {line, message}, or null.
const errorField = StateField.define({
  create: () => null,
  update(error, tr) {
    for (const effect of tr.effects) if (effect.is(setError)) return effect.value;
    return tr.docChanged ? null : error;
  },
  provide: (field) => EditorView.decorations.from(field, (error) => {
    if (!error) return Decoration.none;
    return (view) => {
      const line = view.state.doc.line(Math.min(Math.max(error.line, 1), view.state.doc.lines));
      return Decoration.set([
        Decoration.line({ class: 'cm-error-line' }).range(line.from),
        Decoration.widget({ widget: new Message(error.message), side: 1 }).range(line.to),
      ]);
    };
  }),
});

class ThreadDot extends GutterMarker {
  constructor(threads) {
    super();
    this.threads = threads;
  }
  eq(other) {
    return other.threads.map((t) => t.name).join() === this.threads.map((t) => t.name).join();
  }
  toDOM() {
    const box = document.createElement('span');
    box.className = 'cm-thread-dots';
    box.setAttribute('aria-label', this.threads.map((t) => t.name).join(', '));
    for (const thread of this.threads) {
      const dot = document.createElement('span');
      dot.className = 'cm-thread-dot';
      dot.style.background = thread.colour;
      dot.title = thread.name;
      box.appendChild(dot);
    }
    return box;
  }
}

// Where each thread stands: [{line, name, colour}].
const threadsField = StateField.define({
  create: () => [],
  update(threads, tr) {
    for (const effect of tr.effects) if (effect.is(setThreads)) return effect.value;
    return tr.docChanged ? [] : threads;
  },
});

function byLine(state, threads) {
  const lines = new Map();
  for (const thread of threads) {
    if (thread.line < 1 || thread.line > state.doc.lines) continue;
    if (!lines.has(thread.line)) lines.set(thread.line, []);
    lines.get(thread.line).push(thread);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]);
}

const threadGutter = gutter({
  class: 'cm-thread-gutter',
  markers(view) {
    const builder = new RangeSetBuilder();
    for (const [line, threads] of byLine(view.state, view.state.field(threadsField))) {
      builder.add(view.state.doc.line(line).from, view.state.doc.line(line).from, new ThreadDot(threads));
    }
    return builder.finish();
  },
  initialSpacer: () => new ThreadDot([{ name: '', colour: 'transparent' }]),
});

const threadLines = EditorView.decorations.compute([threadsField], (state) => {
  const builder = new RangeSetBuilder();
  for (const [line, threads] of byLine(state, state.field(threadsField))) {
    const names = threads.map((t) => t.name).join(', ');
    builder.add(
      state.doc.line(line).from,
      state.doc.line(line).from,
      Decoration.line({ class: 'cm-thread-line', attributes: { 'data-threads': names } }),
    );
  }
  return builder.finish();
});

// Mounts an editor in `parent` holding `doc`. `onChange(text)` hears every
// edit, `onRun()` Ctrl/Cmd-Enter. Returns the handle the app drives.
export function mountEditor(parent, doc, onChange, onRun) {
  const run = () => {
    onRun();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        threadGutter,
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        indentUnit.of('    '),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(classHighlighter),
        python(),
        errorField,
        threadsField,
        threadLines,
        keymap.of([{ key: 'Mod-Enter', run }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({
          'aria-label': 'Python program (Ctrl+Enter runs it; Escape then Tab leaves the editor)',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    // Marks `line` with `message`; line 0 clears the mark.
    markError(line, message) {
      view.dispatch({ effects: setError.of(line > 0 ? { line, message } : null) });
    },
    // Shows where each thread stands: a JSON list of {line, name, colour}.
    showThreads(json) {
      view.dispatch({ effects: setThreads.of(JSON.parse(json)) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
