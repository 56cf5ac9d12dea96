// The petition intake form: petitioner rows (add from a <template>, remove, keep indexes contiguous so the server binds
// every row), the fields of the chosen channel only, and the likely-duplicate hints fetched while the officer types.
(function () {
    'use strict';
    document.documentElement.classList.add('js');

    function escape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

    function renumber(container) {
        var name = new RegExp(escape(container.dataset.rows) + '\\[[^\\]]*\\]', 'g');
        var id = new RegExp('^' + escape(container.dataset.rowsId) + '-[^-]+-');
        Array.prototype.forEach.call(container.children, function (row, index) {
            row.querySelectorAll('[name],[id],[for],[aria-describedby]').forEach(function (el) {
                if (el.name) el.name = el.name.replace(name, container.dataset.rows + '[' + index + ']');
                ['id', 'for', 'aria-describedby'].forEach(function (attr) {
                    var value = el.getAttribute(attr);
                    if (value) el.setAttribute(attr, value.replace(id, container.dataset.rowsId + '-' + index + '-'));
                });
            });
            var number = row.querySelector('[data-row-number]');
            if (number) number.textContent = String(index + 1);
        });
    }

    document.querySelectorAll('[data-rows]').forEach(function (container) {
        var template = document.getElementById(container.dataset.rowsTemplate);
        var add = document.getElementById(container.dataset.rowsAdd);
        add.addEventListener('click', function () {
            var html = template.innerHTML.split('__i__').join(String(container.children.length));
            container.insertAdjacentHTML('beforeend', html);
            renumber(container);
            var first = container.lastElementChild.querySelector('input, select, textarea');
            if (first) first.focus();
        });
        container.addEventListener('click', function (e) {
            var button = e.target.closest('[data-remove-row]');
            if (!button) return;
            button.closest('fieldset').remove();
            renumber(container);
            add.focus();
        });
    });

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
