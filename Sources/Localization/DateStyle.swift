/// How much of a date or time to show, as in CLDR (`short` … `full`), plus the
/// country's official all-numeric form.
///
/// | style | bg | ro, ro-MD | it | uk | en |
/// |---|---|---|---|---|---|
/// | `short` | 22.11.26 г. | 22.11.2026 | 22/11/26 | 22.11.26 | 22/11/2026 |
/// | `medium` | 22.11.2026 г. | 22 nov. 2026 | 22 nov 2026 | 22 лист. 2026 р. | 22 Nov 2026 |
/// | `long` | 22 ноември 2026 г. | 22 noiembrie 2026 | 22 novembre 2026 | 22 листопада 2026 р. | 22 November 2026 |
/// | `full` | неделя, 22 ноември 2026 г. | duminică, 22 noiembrie 2026 | domenica 22 novembre 2026 | неділя, 22 листопада 2026 р. | Sunday, 22 November 2026 |
/// | `numeric` | 22.11.2026 г. | 22.11.2026 | 22/11/2026 | 22.11.2026 | 22/11/2026 |
///
/// `numeric` pads the day and month and is what official forms use. `en` is British English
/// (CLDR en-GB) in every style: day first, 24-hour times. For times, `numeric` is the 24-hour `HH:mm`.
public enum DateStyle: String, Sendable, Hashable, CaseIterable {
    case short, medium, long, full, numeric
}
