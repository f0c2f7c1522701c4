// Stand-in loader for bench/loader-ab.mjs: a module that does nothing.
// It measures what the embed tag's module request alone costs the first paint.
export {};
