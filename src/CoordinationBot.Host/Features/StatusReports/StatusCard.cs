using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// The status card one agency receives for one round: per task, tình trạng, mức độ hoàn thành, kết quả, khó khăn,
/// đề xuất — prefilled with what was saved. Inputs carry their own limits; the server checks again.
/// </summary>
public static partial class StatusCard
{
    public const string Verb = "report.save";
    public const string RefreshVerb = "report.refresh";
    public const string DraftVerb = "report.draft";
    public const string PreviousVerb = "report.previous";

    public static JsonObject Create(StatusCardData model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        string T(string name) => BotText.Get(name, culture);
        var round = model.Round;
        var editable = model.Editable;
        var body = new JsonArray
        {
            AdaptiveCard.TextBlock($"{T("StatusTitle")}: {model.PlanLabel}", heading: true),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    AdaptiveCard.Fact(T("StatusPeriod"), BotText.PeriodLabel(round.Period, culture)),
                    AdaptiveCard.Fact(T("StatusDue"), round.Due.ToVietnameseDate()),
                    AdaptiveCard.Fact(T("StatusAgency"), model.Agency),
                },
            },
        };
        if (round.Message is { Length: > 0 } message)
        {
            body.Add(AdaptiveCard.PlainText((message, false)));
        }

        if ((model.Note ?? StatusCardParts.DraftNote(model.Draft, culture)) is { } text)
        {
            var note = AdaptiveCard.TextBlock(text);
            note["color"] = model.NoteIsWarning ? "Attention" : model.Note is null ? "Accent" : "Good";
            body.Add(note);
        }

        if (model.Returned is { } returned)
        {
            body.Add(StatusCardParts.ReturnedBlock(returned, culture));
        }

        if (!editable)
        {
            body.Add(AdaptiveCard.TextBlock(T("StatusReadOnly"), subtle: true));
        }

        var etags = new JsonObject();
        for (var i = 0; i < model.Tasks.Count; i++)
        {
            var (task, role) = model.Tasks[i];
            var saved = model.Saved.GetValueOrDefault(task.Id);
            etags[task.Id] = saved?.ETag;
            var block = TaskBlock(i, task, role, saved?.Report, StatusCardParts.Shown(saved?.Report, model.Filled?.GetValueOrDefault(task.Id)), editable, culture);
            ChainBlocks.AddTo(block, model, task, role, culture);
            body.Add(block);
        }

        var data = Data(model, etags);
        // Whoever opens the card sees the latest saved state (another officer of the agency may have reported since).
        var refresh = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = RefreshVerb,
                ["data"] = TargetData(model),
            },
        };
        if (!editable)
        {
            var readOnly = AdaptiveCard.Create(body);
            readOnly["refresh"] = refresh;
            return readOnly;
        }

        var title = T("ActionSendReport");
        var card = AdaptiveCard.Create(body,
        [
            AdaptiveCard.Execute(title, Verb, data),
            AdaptiveCard.Execute(T("ActionSaveDraft"), DraftVerb, data),
            AdaptiveCard.Execute(T("ActionPrevious"), PreviousVerb, data),
        ]);
        card["refresh"] = refresh;
        return card;
    }

    private static JsonObject TaskBlock(int i, PlanTask task, Role role, StatusReport? saved, StatusEntry? shown, bool editable, CultureInfo culture)
    {
        string T(string name) => BotText.Get(name, culture);
        var items = new JsonArray
        {
            AdaptiveCard.TextBlock($"**{task.Id}** ({T(role == Role.Lead ? "StatusRoleLead" : "StatusRoleSupport")}) {VietnameseText.Shorten(task.Text, 300)}"),
        };
        if (!editable)
        {
            items.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    AdaptiveCard.Fact(T("FieldStatus"), saved is null ? "—" : T("Status_" + saved.Status)),
                    AdaptiveCard.Fact(T("FieldPercent"), saved?.Percent.ToString(CultureInfo.InvariantCulture) ?? "—"),
                    AdaptiveCard.Fact(T("FieldResult"), saved?.Result ?? "—"),
                    AdaptiveCard.Fact(T("FieldDifficulties"), saved?.Difficulties ?? "—"),
                    AdaptiveCard.Fact(T("FieldProposals"), saved?.Proposals ?? "—"),
                    AdaptiveCard.Fact(T("FieldEvidence"), saved?.Evidence is { Length: > 0 } evidence ? evidence : "—"),
                },
            });
            return Container(items);
        }

        var choices = new JsonArray([.. Enum.GetValues<ProgressStatus>().Select(s => (JsonNode)new JsonObject { ["title"] = T("Status_" + s), ["value"] = s.ToString() })]);
        items.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = Field.Status.Of(i), ["label"] = T("FieldStatus"), ["isRequired"] = true,
            ["errorMessage"] = T("FieldStatusError"), ["choices"] = choices, ["value"] = shown?.Status,
        });
        items.Add(new JsonObject
        {
            ["type"] = "Input.Number", ["id"] = Field.Percent.Of(i), ["label"] = T("FieldPercent"), ["isRequired"] = true, ["min"] = 0, ["max"] = 100,
            ["errorMessage"] = T("FieldPercentError"), ["value"] = int.TryParse(shown?.Percent, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : null,
        });
        items.Add(Text(Field.Result.Of(i), T("FieldResult"), shown?.Result, culture));
        items.Add(Text(Field.Difficulties.Of(i), T("FieldDifficulties"), shown?.Difficulties, culture));
        items.Add(Text(Field.Proposals.Of(i), T("FieldProposals"), shown?.Proposals, culture));
        items.Add(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = Field.Evidence.Of(i), ["label"] = T("FieldEvidence"), ["placeholder"] = T("FieldEvidenceExample"),
            ["maxLength"] = DocumentCitation.MaxLength, ["errorMessage"] = T("FieldEvidenceError"), ["value"] = shown?.Evidence,
        });
        return Container(items);
    }

    private static JsonObject Text(string id, string label, string? value, CultureInfo culture) => new()
    {
        ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["isMultiline"] = true,
        ["maxLength"] = SubmitStatusHandler.MaxTextLength, ["errorMessage"] = BotText.Get("FieldTextError", culture), ["value"] = value,
    };

    private static JsonObject Container(JsonArray items) => new() { ["type"] = "Container", ["separator"] = true, ["items"] = items };
}
