/// The words a messy strategy tracker is made of, encoded once as CSV-ready bytes so rows are mostly copies.
struct TrackerVocabulary {
    /// One person typed the ways real trackers type them: index 0 proper, then e-mail, padded, shouted, "Last, First".
    struct Person {
        /// The canonical "First Last" name, as the capacity sheet writes it.
        let name: String
        /// The department as text, the capacity sheet's team.
        let team: String
        /// The spellings of the owner cell, already quoted where CSV needs it.
        let spellings: [[UInt8]]
        /// The person's department.
        let department: [UInt8]
    }

    /// A key result's KPI: where it started, where it must get to, in what unit, and which way is better.
    struct Metric {
        let baseline: Double
        let target: Double
        /// Decimals the values are typed with.
        let decimals: Int
        let unit: [UInt8]
        /// Whether lower is better.
        let down: Bool
    }

    let columns: [UInt8]
    let preamble: [UInt8]
    let people: [Person]

    /// Title stems, each level its own list so no two items of the sheet share a title (see `TrackerTitles`).
    /// ASCII only, no quotes or line breaks: a stem is copied, case-folded and quoted byte by byte.
    let objectiveStems: [[UInt8]]
    /// One stem per `metrics` entry, in the same order.
    let keyResultStems: [[UInt8]]
    let initiativeStems: [[UInt8]]
    let workstreamStems: [[UInt8]]
    /// A workstream's milestones in order: `<workstream>: kick-off`, ….
    let phases: [[UInt8]]
    /// A workstream's tasks: `<workstream>: write the runbook`, ….
    let taskNames: [[UInt8]]
    let metrics: [Metric]

    /// The type column's spellings per `TrackerLevel`, the first the usual one; all of them words the tool knows.
    let levels: [[[UInt8]]]
    let statuses: [[UInt8]]
    let shortNotes: [[UInt8]]
    let longNotes: [[UInt8]]
    let monthNames: [[UInt8]]
    let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    /// The KPI direction as typed: mostly `up`/`down`, sometimes in words or arrows.
    let upWords: [[UInt8]]
    let downWords: [[UInt8]]

    /// The header as it is written; the benchmark's DuckDB query and the checks name columns from it.
    static let header = [
        "Ref", "Level", "Name", "Strategic Priority", "Belongs To", "Lead", "Dept", "RAG", "% Complete",
        "Start Date", "Target Date", "Forecast", "Last Updated", "Blocked By", "Weight", "Baseline", "Target",
        "Current", "Unit", "Direction", "Comments", "Budget (kEUR)", "Jira",
    ]
    /// The column naming the objective a key result or initiative serves.
    static let objectiveColumn = "Strategic Priority"
    /// The typed status column.
    static let statusColumn = "RAG"

    /// Builds every list once.
    init() {
        columns = Array((Self.header.joined(separator: ",") + "\r\n").utf8)
        // Excel exports pad the title lines above the header to the full width with empty cells.
        let padding = String(repeating: ",", count: Self.header.count - 1)
        preamble = [0xEF, 0xBB, 0xBF] + Array((
            "Northwind Labs - FY26 Strategy Tracker" + padding + "\r\n" +
            "Exported 20/11/2026 by PMO - do not edit rows 1-2" + padding + "\r\n").utf8)

        people = Self.makePeople()
        objectiveStems = Self.stems([
            "Grow ARR to EUR 40m", "Modernise the payments stack", "Improve gross margin to 72%",
            "Expand into the Nordics", "Become SOC 2 Type II compliant", "Halve voluntary churn",
            "Make onboarding self-serve", "Build a trusted data platform", "Lift NPS above 50",
            "Launch the partner ecosystem", "Cut cloud spend by 25%", "Ship the mobile app",
            "Win the mid-market segment", "Reduce office footprint", "Hire and keep senior engineers",
            "Offer 24/7 support", "Enter the US market", "Automate the month-end close",
            "Raise platform uptime to 99.95%", "Consolidate internal tools",
        ])
        let keyResults: [(String, Metric)] = [
            ("Reach EUR 40m ARR", Metric(baseline: 31.5, target: 40, decimals: 1, unit: Array("EUR m".utf8), down: false)),
            ("Win 25 new enterprise logos", Metric(baseline: 0, target: 25, decimals: 0, unit: Array("logos".utf8), down: false)),
            ("Net revenue retention at 110%", Metric(baseline: 104, target: 110, decimals: 1, unit: Array("%".utf8), down: false)),
            ("Move 100% of card volume to the new PSP", Metric(baseline: 0, target: 100, decimals: 0, unit: Array("% of volume".utf8), down: false)),
            ("Cut hosting cost per customer by 20%", Metric(baseline: 4.10, target: 3.28, decimals: 2, unit: Array("EUR".utf8), down: true)),
            ("Open 3 Nordic partner channels", Metric(baseline: 0, target: 3, decimals: 0, unit: Array("partners".utf8), down: false)),
            ("Pass the SOC 2 audit with no major findings", Metric(baseline: 12, target: 0, decimals: 0, unit: Array("findings".utf8), down: true)),
            ("Churn below 1.5% a month", Metric(baseline: 2.4, target: 1.5, decimals: 1, unit: Array("%".utf8), down: true)),
            ("Onboarding time under 7 days", Metric(baseline: 21, target: 7, decimals: 0, unit: Array("days".utf8), down: true)),
            ("NPS at 50", Metric(baseline: 31, target: 50, decimals: 0, unit: Array("points".utf8), down: false)),
        ]
        keyResultStems = Self.stems(keyResults.map(\.0))
        metrics = keyResults.map(\.1)
        initiativeStems = Self.stems([
            "Enterprise sales playbook", "Partner channel launch", "Usage-based pricing",
            "Billing, invoicing and tax changes", "Expansion revenue motion", "Plan comparison page",
            "Trial-to-paid nudges", "New PSP integration", "Fraud rules port", "Vault tokenisation",
            "Data warehouse migration", "Customer health scoring", "Self-serve onboarding revamp",
            "Access reviews and offboarding", "Nordic localisation", "Support tooling consolidation",
            "Reporting, dashboards and KPIs", "Kubernetes platform upgrade", "Incident management process",
            "Pricing page experiments",
        ])
        workstreamStems = Self.stems([
            "Metering pipeline", "Partner portal", "Deal desk setup", "Marketplace listings", "Reseller onboarding",
            "Sales enablement bootcamp", "Enterprise ICP and territory plan", "Pricing page and packaging",
            "Tax engine integration", "Invoice templates", "Dunning emails", "Card vault migration", "3-D Secure flows",
            "Chargeback tooling", "Warehouse schema design", "Model layer rewrite", "Data quality monitors",
            "Access review automation", "Offboarding runbook", "Translation memory", "Nordic payment methods",
            "Helpdesk migration", "Chatbot triage", "Cluster upgrade", "Ingress and certificates", "On-call rotation",
            "Postmortem template", "Experiment framework", "Trial emails", "In-app checklist", "Health score model",
            "Renewal playbook", "Vendor risk assessments", "Evidence collection", "Pen test remediation",
            "Cost allocation tags", "Reserved capacity plan", "Mobile release train", "Push notifications",
            "Status page, alerts and comms",
        ])
        phases = Self.stems([
            "kick-off", "requirements signed off", "vendor selected", "design sign-off", "build complete",
            "UAT passed", "pilot live", "go-live", "rollout complete", "handover to BAU",
        ])
        taskNames = Self.stems([
            "write the runbook", "update the RAID log", "book the steering slot", "draft release comms",
            "legal review", "load test", "refresh the forecast", "train the support team", "data clean-up",
        ])
        levels = [
            ["Objective", "Objective", "Goal", "OBJECTIVE", "objective"],
            ["Key Result", "Key Result", "KR", "key result", "KPI"],
            ["Initiative", "Initiative", "Project", "Programme", "initiative"],
            ["Workstream", "Workstream", "Work stream", "Stream", "workstream"],
            ["Milestone", "Milestone", "MS", "Gate", "milestone"],
            ["Task", "Task", "Action", "Sub-task", "task"],
        ].map { $0.map { Array($0.utf8) } }
        // Repeats weight the common words; the last two map to no canonical status on purpose.
        statuses = [
            "Green", "Green", "Green", "Green", "G", "On track", "On track", "GREEN", "🟢",
            "Amber", "Amber", "A", "At risk", "Needs attention", "Amber/Red",
            "Red", "R", "Off track", "Blocked", "Behind",
            "Done", "Done", "Done", "Done", "Complete", "Complete", "Completed", "complete", "done.", "DONE",
            "✅", "✅", "Closed", "Shipped", "Achieved",
            "In progress", "In progress", "in progress", "WIP",
            "Not started", "Not started", "not started", "To do", "On hold", "Cancelled", "Tbc", "see notes",
        ].map { Array($0.utf8) }
        shortNotes = [
            "Shipped", "Delivered on time", "Closed out in steering", "Waiting on upstream data",
            "Behind plan, team covering INC-88 follow-ups", "On track, no issues", "Re-planned after steering review",
            "Vendor contract signed", "Scope agreed with finance", "Needs a decision from the sponsor",
        ].map(Self.field)
        // The hard cases for a CSV reader: commas, doubled quotes and line breaks inside one quoted cell.
        longNotes = [
            "Vendor certification environment unstable, 3rd test run failed on 12 Nov.\nRe-test booked for 8 Jan, forecast moved to end of Feb.",
            "PSP said \"no slots before Q2\", escalated to the exec sponsor; decision due 14 Dec.",
            "Scope cut: \"phase 2\" (reporting, exports) moved out.\nRisk log updated, see RAID #42.\nOwner to confirm by Friday.",
            "Tokenisation done, cut-over plan ready, no dates until the vendor confirms.",
            "Blocked by the \"data freeze\" until 6 Jan, then 2 sprints of work, 1 of testing.",
        ].map(Self.field)
        monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map { Array($0.utf8) }
        upWords = ["up", "up", "up", "up", "up", "up", "Up", "higher is better", "↑"].map { Array($0.utf8) }
        downWords = ["down", "down", "down", "down", "down", "down", "Down", "lower is better", "↓"].map { Array($0.utf8) }
    }

    /// The team: each person with their messy spellings and department.
    private static func makePeople() -> [Person] {
        let team: [(String, String, String)] = [
            ("Laura", "Schmidt", "Sales"), ("Mateo", "Garcia", "Sales"), ("Greta", "Hansen", "Customer Success"),
            ("Nina", "Petrova", "Sales"), ("James", "O'Brien", "Sales"), ("Aisha", "Bello", "Finance"),
            ("Peter", "Novak", "Finance"), ("Ryan", "Walsh", "Growth"), ("Chloé", "Martin", "Growth"),
            ("Ana", "Lopez", "Payments"), ("Daniel", "Fischer", "Payments"), ("Sam", "Whitfield", "Security"),
            ("Marta", "Nowak", "Platform"), ("Tom", "Becker", "Growth"), ("Claire", "Dubois", "Data"),
            ("Yuki", "Tanaka", "Platform"),
        ]
        return team.map { first, last, department in
            let email = (first + "." + last.filter { $0 != "'" }).lowercased()
                .replacingAccents() + "@northwind.example"
            let spellings = [
                first + " " + last, email, "  " + first.lowercased() + "   " + last.lowercased() + " ",
                (first + " " + last).uppercased(), last + ", " + first,
            ]
            return Person(name: first + " " + last, team: department, spellings: spellings.map(field),
                          department: Array(department.utf8))
        }
    }

    /// Title stems as bytes; each must be plain ASCII without quotes or line breaks, since titles are cased and quoted bytewise.
    private static func stems(_ texts: [String]) -> [[UInt8]] {
        texts.map { text in
            let bytes = Array(text.utf8)
            precondition(bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 }, "title stem '\(text)' must be plain ASCII")
            return bytes
        }
    }

    /// The CSV bytes of one cell: quoted, with quotes doubled, only when it holds a comma, quote or line break.
    static func field(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return bytes }
        var quoted: [UInt8] = [0x22]
        for byte in bytes {
            if byte == 0x22 { quoted.append(0x22) }
            quoted.append(byte)
        }
        quoted.append(0x22)
        return quoted
    }
}

extension String {
    /// The text with the few accented letters of the team's names folded to ASCII, as mail addresses have them.
    fileprivate func replacingAccents() -> String {
        String(map { $0 == "é" ? "e" : $0 })
    }
}
