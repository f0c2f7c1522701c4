// The iframe page (embed.html) for platforms that strip scripts from posts:
//   <iframe src="/backwise/embed.html?view=quiz&deck=/decks/knee.json" title="Back pain quiz"></iframe>
// It shows one widget built from the query string and posts its height to
// the parent as {type: "backwise:resize", height} whenever it changes.

const params = new URLSearchParams(location.search);
const widget = document.createElement('backwise-widget');
for (const name of ['deck', 'view', 'theme', 'storage']) {
  const value = params.get(name);
  if (value !== null && value !== '') widget.setAttribute(name, value);
}
document.body.append(widget);

let last = -1;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'backwise:resize', height }, '*');
  }
};
new ResizeObserver(report).observe(document.documentElement);
report();
