/// The link to an issue or pull request, as exports from GitHub and GitLab give each row (GitHub Projects' `URL`
/// column), and the short form those tools write references in: `https://github.com/acme/widget/issues/12` is
/// `acme/widget#12`, as GitHub's `Parent issue` column names it; a GitLab merge request is `group/project!7`.
enum IssueLink {
    /// The short form of `text` when it is one link to an issue, pull request or merge request; nil for anything else.
    /// GitHub: `https://HOST/OWNER/REPO/issues/N` or `/pull/N` is `OWNER/REPO#N`. GitLab:
    /// `https://HOST/GROUP/…/PROJECT/-/issues/N` (or `/-/work_items/N`) is `GROUP/…/PROJECT#N`, and
    /// `/-/merge_requests/N` is `GROUP/…/PROJECT!N`. A query, a fragment or a closing slash is left out.
    static func shortForm(_ text: String) -> String? {
        var rest = Substring(text.trimmingSpaces)
        let lowered = rest.prefix(8).lowercased()
        if lowered.hasPrefix("https://") { rest = rest.dropFirst(8) } else if lowered.hasPrefix("http://") { rest = rest.dropFirst(7) } else { return nil }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        guard !rest.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" }) else { return nil }
        var parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        while parts.count > 1 && parts.last?.isEmpty == true { parts.removeLast() }
        // The host, at least a project's path, the kind and the number.
        guard parts.count >= 5, !parts[0].isEmpty, let number = parts.last, Self.isNumber(number) else { return nil }
        let kind = parts[parts.count - 2].lowercased()
        if parts.count >= 6, parts[parts.count - 3] == "-" {
            let path = parts[1..<(parts.count - 3)]
            guard !path.contains(where: \.isEmpty) else { return nil }
            switch kind {
            case "issues", "work_items": return path.joined(separator: "/") + "#" + number
            case "merge_requests": return path.joined(separator: "/") + "!" + number
            default: return nil
            }
        }
        guard parts.count == 5, !parts[1].isEmpty, !parts[2].isEmpty, kind == "issues" || kind == "pull" else { return nil }
        return parts[1] + "/" + parts[2] + "#" + number
    }

    /// The issue number a reference gives in the short form's own way, `#12` (or `12` alone), as a tracker names an
    /// issue of its own repository; nil for anything else.
    static func number(inReference reference: String) -> Substring? {
        var text = Substring(reference.trimmingSpaces)
        if text.hasPrefix("#") { text = text.dropFirst() }
        return Self.isNumber(text) ? text : nil
    }

    private static func isNumber(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 12 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
