/**
 * Every JavaScript binding the worker uses, in one place: TeaVM's JSO APIs cover typed arrays, crypto and
 * performance, but not WebAssembly, fetch, streams, TextDecoder or the worker's global scope.
 *
 * <p>Each binding is a JSO interface, a {@code @JSClass} or a one-line {@code @JSBody}; the logic that uses
 * them lives in {@code dev.wasiplay.web}.
 */
package dev.wasiplay.web.js;
