extension Rules {
    /// `end-before-start`: offices, events, mechanisms and agreements do not end (or get signed, or enter into force) before they begin.
    static func dates(_ context: RuleContext, _ log: inout FindingLog) {
        func check(_ start: PartialDate?, _ end: PartialDate?, _ origin: Origin, _ startField: String, _ endField: String) {
            guard let start, let end, end.lastDay < start.firstDay else { return }
            log.add(.endBeforeStart, at: origin[endField], "'\(endField)' \(end) is before '\(startField)' \(start)",
                    hint: "check both dates; swap them if they were entered the wrong way round")
        }
        let d = context.dataset
        for r in d.offices { check(r.start, r.end, r.origin, "start", "end") }
        for r in d.events { check(r.start, r.end, r.origin, "start", "end") }
        for r in d.mechanisms { check(r.established, r.ended, r.origin, "established", "ended") }
        for r in d.agreements {
            check(r.initialled, r.signed, r.origin, "initialled", "signed")
            check(r.signed, r.inForce, r.origin, "signed", "in_force")
        }
    }
}
