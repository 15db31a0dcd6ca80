namespace CoordinationBot.Core.Agencies;

/// <summary>
/// An agency (cơ quan, đơn vị) with its canonical name and the other names plans use for it. A group
/// ("Các sở, ban, ngành") stands for its members: those listed, and any agency whose name begins with one of its
/// <see cref="MemberHeads"/> ("Sở ", "Ủy ban nhân dân xã"). A group of <see cref="Peers"/> stands for the same agency of
/// many places ("Ủy ban nhân dân các xã, phường"): the registry's generic entry ("Ủy ban nhân dân xã") is none of them.
/// <see cref="NeedsReview"/> marks an agency first met in a plan.
/// </summary>
public sealed record Agency(
    string Id,
    string Name,
    AgencyLevel Level,
    IReadOnlyList<string> Aliases,
    bool IsGroup = false,
    IReadOnlyList<string>? Members = null,
    string? SuccessorId = null,
    DateOnly? SuccessorSince = null,
    bool NeedsReview = false,
    IReadOnlyList<string>? MemberHeads = null,
    bool Peers = false);

/// <summary>Level of government; "Công an tỉnh" and "Công an xã" are different agencies.</summary>
public enum AgencyLevel
{
    Unknown,
    Central,
    Province,
    District,
    Commune,
}
