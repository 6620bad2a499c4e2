/** Entry of the Mycorrhiza viewer app. */
const app = document.getElementById('app');
if (app) app.dataset.ready = 'true';
