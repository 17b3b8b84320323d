import Foundation

extension Rules {
    /// `participant-without-office` (warning): each person in an event held a recorded office at the time.
    static func participants(_ context: RuleContext, _ log: inout FindingLog) {
        let offices = Dictionary(grouping: context.dataset.offices, by: \.person)
        let people = Set(context.dataset.people.map(\.id))
        for event in context.dataset.events {
            let from = event.start.firstDay, to = (event.end ?? event.start).lastDay
            for field in ["visitors", "hosts", "participants", "invited_by"] {
                let ids = field == "visitors" ? event.visitors : field == "hosts" ? event.hosts
                    : field == "participants" ? event.participants : event.invitedBy
                for (index, person) in ids.enumerated() where people.contains(person) {
                    let held = offices[person, default: []].contains { office in
                        (office.start?.firstDay ?? .min) <= to && (office.end?.lastDay ?? .max) >= from
                    }
                    if !held {
                        let dates = event.end.map { "between \(event.start) and \($0)" } ?? "on \(event.start)"
                        log.add(.participantWithoutOffice, at: event.origin[field, index],
                                "'\(person)' held no recorded office \(dates)",
                                hint: "add the office the person held then, with its start and end")
                    }
                }
            }
        }
    }

    /// `duplicate-event` (warning): two records of the same occasion: the same kind, start date, people,
    /// mechanism and round, and the same title up to case, spacing and punctuation. Two meetings held
    /// the same day by the same people (a council of ministers and a defence council) differ in
    /// mechanism or title, and are not duplicates.
    static func duplicateEvents(_ context: RuleContext, _ log: inout FindingLog) {
        // Events alike in everything but the title, then the titles compared only within such a group.
        var alike: [[String]: [Event]] = [:]
        for event in context.dataset.events {
            let key = [event.kind.rawValue, event.start.description, event.mechanism ?? "", event.round.map(String.init) ?? ""]
                + Set(event.people + event.invitedBy).sorted()
            alike[key, default: []].append(event)
        }
        for group in alike.values where group.count > 1 {
            var seen: [String: Event] = [:]
            for event in group {
                let title = comparableTitle(event.title)
                if let earlier = seen[title] {
                    log.add(.duplicateEvent, at: event.origin.location,
                            "event '\(event.id)' records the same occasion as '\(earlier.id)' (line \(earlier.origin.location.line)): same kind, date, people and title",
                            hint: "merge the two records and cite both sources")
                } else {
                    seen[title] = event
                }
            }
        }
    }

    /// A title with case, punctuation and runs of spaces ignored.
    private static func comparableTitle(_ title: String) -> String {
        title.lowercased().unicodeScalars.split { !CharacterSet.alphanumerics.contains($0) }.map { String(String.UnicodeScalarView($0)) }
            .joined(separator: " ")
    }
}
