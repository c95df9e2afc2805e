import assert from "node:assert/strict";
import { test } from "node:test";
import { AnsiParser, isPlain, paletteColor } from "../src/js/ansi.js";

const texts = (segments) => segments.map((s) => s.text);

test("plain text passes through as one plain segment", () => {
  const segments = new AnsiParser().feed("hello\nworld");
  assert.deepEqual(texts(segments), ["hello\nworld"]);
  assert.ok(isPlain(segments[0].style));
});

test("SGR colours and attributes style the following text until reset", () => {
  const segments = new AnsiParser().feed("a\u001b[31mred\u001b[1;4mbold\u001b[0mplain\u001b[92mbright");
  assert.deepEqual(texts(segments), ["a", "red", "bold", "plain", "bright"]);
  assert.equal(segments[1].style.fg, 1);
  assert.equal(segments[2].style.bold, true);
  assert.equal(segments[2].style.underline, true);
  assert.equal(segments[2].style.fg, 1);
  assert.ok(isPlain(segments[3].style));
  assert.equal(segments[4].style.fg, 10);
});

test("256-colour and true-colour foregrounds and backgrounds", () => {
  const segments = new AnsiParser().feed("\u001b[38;5;196mx\u001b[48;2;255;128;0my\u001b[39;49mz");
  assert.equal(segments[0].style.fg, 196);
  assert.equal(segments[1].style.bg, "#ff8000");
  assert.ok(isPlain(segments[2].style));
  assert.equal(paletteColor(196), "rgb(255, 0, 0)");
  assert.equal(paletteColor(232), "rgb(8, 8, 8)");
});

test("a sequence split across chunks is held back until complete", () => {
  const parser = new AnsiParser();
  assert.deepEqual(texts(parser.feed("before\u001b[3")), ["before"]);
  const rest = parser.feed("2mgreen");
  assert.deepEqual(texts(rest), ["green"]);
  assert.equal(rest[0].style.fg, 2);
  assert.deepEqual(texts(parser.feed("\u001b")), []);
  assert.deepEqual(texts(parser.feed("[0mdone")), ["done"]);
});

test("other escape sequences are dropped", () => {
  const segments = new AnsiParser().feed("a\u001b[2Kb\u001b]0;title\u0007c\u001b]8;;http://x\u001b\\d\u001b(Be");
  assert.deepEqual(texts(segments), ["abcde"]);
});
