// Repeated rows (parties, terms, petitioners): add from a <template>, remove, and keep the indexes contiguous so the
// server binds every row. Loaded before the page's own script.
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
})();
