package dev.hookstub.server.admin;

import dev.hookstub.api.admin.model.AdminFaultDelay;
import dev.hookstub.api.admin.model.AdminFaultDelayLognormal;
import dev.hookstub.api.admin.model.AdminFaultKind;
import dev.hookstub.api.admin.model.AdminFaultRule;
import dev.hookstub.server.fault.FaultEffect;
import dev.hookstub.server.fault.FaultRule;
import java.util.TreeMap;

/** A rule as the admin API shows it: the document's {@code FaultRule}, unset fields left out. */
final class FaultRuleView {

    private FaultRuleView() {
    }

    static AdminFaultRule of(FaultRule rule) {
        FaultRule.Match match = rule.match();
        AdminFaultRule view = new AdminFaultRule()
                .id(rule.id())
                .operation(match.operation())
                .credential(match.credential())
                .times(match.times() == null ? null : match.times().longValue())
                .remaining(rule.remaining() == null ? null : rule.remaining().longValue())
                .fraction(match.fraction())
                .seed(match.seed())
                .applied(rule.applied());
        if (rule.effect() instanceof FaultEffect.FixedDelay fixed) {
            view.delay(new AdminFaultDelay().fixedMs(fixed.fixedMs()));
        } else if (rule.effect() instanceof FaultEffect.LognormalDelay lognormal) {
            view.delay(new AdminFaultDelay().lognormal(new AdminFaultDelayLognormal()
                    .medianMs(lognormal.medianMs()).sigma(lognormal.sigma())));
        } else if (rule.effect() instanceof FaultEffect.Status status) {
            view.status((long) status.status())
                    .headers(new TreeMap<>(status.headers()))
                    .message(status.message());
        } else if (rule.effect() instanceof FaultEffect.Failure failure) {
            view.fault(AdminFaultKind.fromValue(failure.kind().name()));
        }
        return view;
    }
}
