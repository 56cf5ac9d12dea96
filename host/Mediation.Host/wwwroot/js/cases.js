// Repeated rows (parties, agreement terms): add from a <template>, remove, and keep the indexes contiguous so the
// server binds every row. Also shows only the fields of the chosen party kind and the mediators of the chosen committee.
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

    document.addEventListener('change', function (e) {
        if (e.target.matches('[data-party-kind]')) e.target.closest('fieldset').dataset.kind = e.target.value;
    });

    var committee = document.getElementById('committee');
    if (committee) {
        var showMediators = function () {
            document.querySelectorAll('.mediator-group').forEach(function (group) {
                var shown = group.dataset.committee === committee.value;
                group.hidden = !shown;
                group.querySelectorAll('input').forEach(function (box) { box.disabled = !shown; });
            });
        };
        committee.addEventListener('change', showMediators);
        showMediators();
    }

    var outcome = document.getElementById('outcome');
    if (outcome) {
        var showOutcome = function () {
            document.querySelectorAll('[data-outcomes]').forEach(function (part) {
                part.hidden = outcome.value !== '' && part.dataset.outcomes.split(' ').indexOf(outcome.value) < 0;
            });
        };
        outcome.addEventListener('change', showOutcome);
        showOutcome();
    }
})();
