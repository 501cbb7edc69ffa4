// The portal's side of the console: its signed-in admin's API token, handed over from
// script (never in an attribute or the page's HTML), and its own theme switch, which the
// console follows. This runs before embed.js defines the element: the console takes the
// property all the same. A real portal answers from its session; here the route does not
// exist, so getToken gives null and the console shows its own sign-in.
document.querySelector('snapshot-console').getToken = async () => {
  const response = await fetch('/portal/api-token');
  return response.ok ? response.text() : null;
};

document.getElementById('theme-switch').addEventListener('click', (event) => {
  const html = document.documentElement;
  const dark = html.dataset.bsTheme !== 'dark';
  html.dataset.bsTheme = dark ? 'dark' : 'light';
  event.currentTarget.textContent = dark ? 'Light mode' : 'Dark mode';
});
