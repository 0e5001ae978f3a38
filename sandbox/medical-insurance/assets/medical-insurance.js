// The portal page sizes its business frame to the frame's content, so the page scrolls as one.
window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin || !event.data || !event.data.miFrameHeight) return;
  const frame = document.querySelector('iframe[name="mainFrame"]');
  if (frame) frame.style.height = `${Math.max(400, event.data.miFrameHeight)}px`;
});
