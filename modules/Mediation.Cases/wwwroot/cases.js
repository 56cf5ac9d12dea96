// The Cases forms: only the fields of the chosen party kind and the mediators of the chosen committee (rows: rows.js).
(function () {
    'use strict';

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
