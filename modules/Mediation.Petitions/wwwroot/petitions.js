// The petition forms: the fields of the chosen channel only and the likely-duplicate hints fetched while the officer
// types (rows: rows.js).
(function () {
    'use strict';

    var channel = document.getElementById('channel');
    if (channel) {
        var showChannel = function () {
            document.querySelectorAll('[data-channels]').forEach(function (part) {
                var shown = part.dataset.channels.split(' ').indexOf(channel.value) >= 0;
                part.hidden = !shown;
                part.querySelectorAll('input, select').forEach(function (field) { field.disabled = !shown; });
            });
        };
        channel.addEventListener('change', showChannel);
        showChannel();
    }

    var form = document.getElementById('petition-form');
    var hints = document.getElementById('duplicates');
    if (form && hints && form.dataset.duplicatesUrl) {
        var timer = null;
        var sequence = 0;
        var refresh = function () {
            var mine = ++sequence;
            fetch(form.dataset.duplicatesUrl, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) { if (html !== null && mine === sequence) hints.innerHTML = html; })
                .catch(function () { /* the hints are a help; the submit checks again */ });
        };
        form.addEventListener('input', function (e) {
            if (!e.target.matches('#matter, [data-duplicate-key]')) return;
            clearTimeout(timer);
            timer = setTimeout(refresh, 500);
        });
    }
})();

// The hand-over dialog's other parties show only the fields of the chosen kind (person or organisation).
document.addEventListener('change', function (e) {
    'use strict';
    if (e.target.matches('[data-party-kind]')) e.target.closest('fieldset').dataset.kind = e.target.value;
});
