/// The words a messy strategy tracker is made of, encoded once as CSV-ready bytes so rows are only copies.
struct TrackerVocabulary {
    /// One person typed the ways real trackers type them: index 0 proper, then e-mail, padded, shouted, "Last, First".
    struct Person {
        /// The spellings of the owner cell, already quoted where CSV needs it.
        let spellings: [[UInt8]]
        /// The person's department.
        let department: [UInt8]
    }

    /// A title in the spellings other rows use to refer to it: as typed, upper case, lower case.
    struct Title {
        /// As typed; quoted when it holds a comma.
        let proper: [UInt8]
        /// Shouted, as in a "Belongs To" column typed by hand.
        let upper: [UInt8]
        /// Lower case, the other common hand-typed variant.
        let lower: [UInt8]
        /// As typed, without CSV quotes, so a milestone's name can extend it.
        let plain: String
    }

    let columns: [UInt8]
    let preamble: [UInt8]
    let people: [Person]
    let objectives: [Title]
    let keyResults: [Title]
    let topics: [Title]
    let phases: [String]
    let milestoneNames: [[[UInt8]]]
    let levels: [[[UInt8]]]
    let statuses: [[UInt8]]
    let shortNotes: [[UInt8]]
    let longNotes: [[UInt8]]
    let metrics: [[UInt8]]
    let monthNames: [[UInt8]]
    let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// Builds every list once.
    init() {
        let header = [
            "Ref", "Level", "Name", "Strategic Priority", "Belongs To", "Lead", "Dept", "RAG", "% Complete",
            "Start Date", "Target Date", "Forecast", "Last Updated", "Blocked By", "Weight", "Baseline", "Target",
            "Current", "Unit", "Direction", "Comments", "Budget (kEUR)", "Jira",
        ]
        columns = Array((header.joined(separator: ",") + "\r\n").utf8)
        // Excel exports pad the title lines above the header to the full width with empty cells.
        let padding = String(repeating: ",", count: header.count - 1)
        preamble = [0xEF, 0xBB, 0xBF] + Array((
            "Northwind Labs - FY26 Strategy Tracker" + padding + "\r\n" +
            "Exported 20/11/2026 by PMO - do not edit rows 1-2" + padding + "\r\n").utf8)

        people = Self.makePeople()
        objectives = [
            "Grow ARR to EUR 40m", "Modernise the payments stack", "Improve gross margin to 72%",
            "Expand into the Nordics", "Become SOC 2 Type II compliant", "Halve voluntary churn",
        ].map(Self.title)
        keyResults = [
            "Reach EUR 40m ARR", "Win 25 new enterprise logos", "Net revenue retention at 110%",
            "Move 100% of card volume to the new PSP", "Cut hosting cost per customer by 20%",
            "Open 3 Nordic partner channels", "Pass the SOC 2 audit with no major findings", "Churn below 1.5% a month",
        ].map(Self.title)
        topics = [
            "Enterprise sales playbook", "Partner channel launch", "Usage-based pricing",
            "Billing, invoicing and tax changes", "Expansion revenue motion", "Plan comparison page",
            "Trial-to-paid nudges", "New PSP integration", "Fraud rules port", "Vault tokenisation",
            "Data warehouse migration", "Customer health scoring", "Self-serve onboarding revamp",
            "Access reviews and offboarding", "Nordic localisation", "Support tooling consolidation",
            "Reporting, dashboards and KPIs", "Kubernetes platform upgrade", "Incident management process",
            "Pricing page experiments",
        ].map(Self.title)
        let phaseNames = [
            "kick-off", "requirements signed off", "vendor selected", "design sign-off", "build complete",
            "UAT passed", "pilot live", "go-live", "rollout complete", "handover to BAU",
        ]
        phases = phaseNames
        milestoneNames = topics.map { topic in phaseNames.map { Self.field(topic.plain + ": " + $0) } }
        levels = [
            ["Objective", "Objective", "Obj", "OBJECTIVE"],
            ["Key Result", "Key Result", "KR", "key result"],
            ["Initiative", "Initiative", "Project", "initiative"],
            ["Workstream", "Workstream", "Work stream", "WS"],
            ["Milestone", "Milestone", "Milestone", "MS", "milestone"],
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
        metrics = [
            "31.5,40,38.1,EUR m,up", "0,25,21,logos,up", "104,110,109,%,up", "0,100,64,%,up",
            "4.10,3.28,3.71,EUR,down", "0,3,1,partners,up", "12,0,2,findings,down", "2.4,1.5,1.9,%,down",
        ].map { Array($0.utf8) }
        monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map { Array($0.utf8) }
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
            return Person(spellings: spellings.map(field), department: Array(department.utf8))
        }
    }

    /// A title in its three spellings.
    private static func title(_ text: String) -> Title {
        Title(proper: field(text), upper: field(text.uppercased()), lower: field(text.lowercased()), plain: text)
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
