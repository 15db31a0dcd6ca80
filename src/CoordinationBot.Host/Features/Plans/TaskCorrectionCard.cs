using CoordinationBot.BotFramework.Schema;
using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>
/// The focal agency's form to correct how one task was read: the task's text, its lead and supports and due date as
/// they now stand (editable), "not a task", and who corrected it before, when and what.
/// </summary>
public static class TaskCorrectionCard
{
    public const string Verb = "plan.correct";
    public const string PlanField = "planKey";
    public const string TaskField = "taskId";
    private const string LeadInput = "lead";
    private const string SupportsInput = "supports";
    private const string DueInput = "due";
    private const string NotATaskInput = "notATask";
    private const int MaxHistory = 5;

    /// <summary>The form; for a file previewed and not yet stored (<paramref name="pendingId"/>) it says the change waits for
    /// "Lưu" and leads back to the preview.</summary>
    public static JsonObject Create(StoredPlan plan, PlanTask task, bool removed, IReadOnlyList<PlanCorrection> history, string? note, bool warning, CultureInfo culture, string? pendingId = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(history);
        string T(string name) => BotText.Get(name, culture);
        var body = new JsonArray
        {
            AdaptiveCard.TextBlock(string.Format(culture, T("CorrectTitle"), task.Id, VietnameseText.Shorten(PlanKind.Label(plan.Plan), 90)), heading: true),
        };
        if (note is not null)
        {
            var block = AdaptiveCard.TextBlock(note);
            block["color"] = warning ? "Attention" : "Good";
            body.Add(block);
        }

        if (pendingId is not null)
        {
            body.Add(AdaptiveCard.TextBlock(T("CorrectBeforeSave"), subtle: true));
        }

        body.Add(AdaptiveCard.PlainText((VietnameseText.Shorten(task.Text, 600), false)));
        body.Add(Input(LeadInput, T("CorrectLead"), Agencies(task, Role.Lead)));
        body.Add(Input(SupportsInput, T("CorrectSupports"), Agencies(task, Role.Support)));
        var due = new JsonObject { ["type"] = "Input.Date", ["id"] = DueInput, ["label"] = T("CorrectDue") };
        if (task.Due is { } date)
        {
            due["value"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        body.Add(due);
        body.Add(new JsonObject
        {
            ["type"] = "Input.Toggle", ["id"] = NotATaskInput, ["title"] = T("CorrectNotATask"),
            ["value"] = removed ? "true" : "false", ["valueOn"] = "true", ["valueOff"] = "false",
        });
        var mine = history.Where(c => c.TaskId == task.Id).OrderByDescending(c => c.Sequence).Take(MaxHistory).ToList();
        if (mine.Count > 0)
        {
            body.Add(AdaptiveCard.TextBlock(T("CorrectHistory"), subtle: true));
            foreach (var correction in mine)
            {
                var who = correction.ByName is { } name ? correction.ByAgency is { } agency ? $"{name} ({agency})" : name : correction.ByAgency ?? correction.By;
                var when = correction.At.ToVietnameseTime();
                body.Add(AdaptiveCard.PlainText((string.Format(culture, T("CorrectHistoryLine"), when, who, What(correction.Change, culture)), false)));
            }
        }

        var title = T("CorrectSave");
        var data = pendingId is null
            ? new JsonObject { [PlanField] = plan.Key, [TaskField] = task.Id }
            : new JsonObject { [PlanPreviewCard.PendingField] = pendingId, [TaskField] = task.Id };
        var save = AdaptiveCard.Execute(title, Verb, data);
        return AdaptiveCard.Create(body, pendingId is null ? [save] : [save, PlanPreviewCard.BackAction(pendingId, culture)]);
    }

    /// <summary>What a correction changed, in words.</summary>
    public static string What(TaskChange change, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(change);
        string T(string name) => BotText.Get(name, culture);
        string List(IReadOnlyList<string> names) => names.Count == 0 ? T("CorrectNone") : string.Join("; ", names);
        var parts = new List<string>();
        if (change.Lead is { } lead)
        {
            parts.Add(string.Format(culture, T("CorrectWhatLead"), List(lead)));
        }

        if (change.Supports is { } supports)
        {
            parts.Add(string.Format(culture, T("CorrectWhatSupports"), List(supports)));
        }

        if (change.Due is { } due)
        {
            parts.Add(string.Format(culture, T("CorrectWhatDue"), due.ToVietnameseDate()));
        }

        if (change.NotATask is { } notATask)
        {
            parts.Add(T(notATask ? "CorrectWhatRemoved" : "CorrectWhatRestored"));
        }

        return string.Join("; ", parts);
    }

    private static string Agencies(PlanTask task, Role role) =>
        string.Join("\n", task.AgenciesAs(role));

    private static JsonObject Input(string id, string label, string value) => new()
    {
        ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["isMultiline"] = true,
        ["maxLength"] = CorrectTaskHandler.MaxAgencies * (CorrectTaskHandler.MaxNameLength + 1), ["value"] = value,
    };

    /// <summary>
    /// What the form sent, as untrusted strings, for the core to check: the stored plan (or the preview's
    /// <paramref name="pendingKey"/>, which the caller loaded by the sender), the task and the corrected fields.
    /// </summary>
    public static CorrectTaskRequest Read(Activity activity, string? pendingKey, string? senderAgency, bool administrator)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new CorrectTaskRequest(
            pendingKey ?? activity.GetCardString(PlanField),
            activity.GetCardString(TaskField),
            activity.GetCardString(LeadInput),
            activity.GetCardString(SupportsInput),
            activity.GetCardString(DueInput),
            string.Equals(activity.GetCardString(NotATaskInput), "true", StringComparison.Ordinal),
            activity.From?.AadObjectId ?? "?",
            activity.From?.Name,
            senderAgency,
            administrator);
    }
}
