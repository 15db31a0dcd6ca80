using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.Questions;

/// <summary>
/// What a question asks, about which agencies, in which role, and the words left to search tasks and plans with;
/// <c>NamesPlan</c>: it names a plan ("trong kế hoạch …", "Nghị quyết 380", "552/KH-UBND"), so only that plan's tasks count.
/// </summary>
public sealed record ParsedQuestion(QuestionIntent Intent, IReadOnlyList<Agency> Agencies, Role? Role, string Topic, bool AboutProvince, bool NamesPlan = false);

public enum QuestionIntent
{
    /// <summary>"Ai chủ trì …?"</summary>
    WhoLeads,

    /// <summary>"Cơ quan nào phối hợp …?"</summary>
    WhoSupports,

    /// <summary>"Sở X có nhiệm vụ gì?", "Sở X chủ trì những việc gì?".</summary>
    AgencyDuties,

    /// <summary>"Nhiệm vụ của tôi là gì?".</summary>
    MyDuties,

    /// <summary>"Hạn gửi báo cáo …?", "báo cáo qua cơ quan nào?".</summary>
    Reporting,

    /// <summary>"Cơ quan nào là đầu mối …?".</summary>
    FocalAgency,

    /// <summary>"Căn cứ kế hoạch số mấy của tỉnh?".</summary>
    Implements,

    /// <summary>"Nhiệm vụ nào sắp đến hạn?" (the next 30 days), for the agency named or the asker's, else every agency.</summary>
    DueSoon,

    /// <summary>"Nhiệm vụ nào đã quá hạn?": due dates passed, for the agency named or the asker's, else every agency.</summary>
    Overdue,

    /// <summary>"Kế hoạch 21 có bao nhiêu nhiệm vụ?", "Sở Y tế chủ trì bao nhiêu nhiệm vụ?".</summary>
    CountTasks,

    /// <summary>Anything else: the tasks that fit best.</summary>
    FindTasks,
}
