// The top navigation is a <details> menu: folded on a phone, always open on a wider screen.
(() => {
  const wide = window.matchMedia('(min-width: 48rem)');
  const sync = () => document.querySelectorAll('details.menu').forEach(menu => { menu.open = wide.matches; });
  document.addEventListener('DOMContentLoaded', sync);
  wide.addEventListener('change', sync);
})();
