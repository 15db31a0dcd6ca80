using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.Consolidation;

/// <summary>The focal agency's summary of a round, with the draft report and matrix to download and a reminder button.</summary>
public static class ConsolidationCard
{
    public const string RemindVerb = "round.remind";
    public const string ReturnVerb = "report.return";

    /// <summary>The round both actions are about; the return form's inputs: which agency, and what to add.</summary>
    public const string RoundField = "roundId";
    public const string ReturnAgencyInput = "agency";
    public const string ReturnCommentInput = "comment";
    private const int MaxQuotes = 10;

    /// <summary>The card; <paramref name="link"/> makes the signed download link of an evidence file (none: the files are named, not linked).</summary>
    public static JsonObject Create(ConsolidationSummary summary, Uri word, Uri excel, TimeSpan linkLifetime, CultureInfo culture, Func<string, Uri>? link = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string T(string name) => BotText.Get(name, culture);
        var plan = summary.Plan;
        var label = $"{plan.Number ?? plan.Title} — {BotText.PeriodLabel(summary.Round.Period, culture)}";
        var counts = string.Join("; ", Enum.GetValues<ProgressStatus>().Select(s => $"{T("Status_" + s)}: {summary.StatusCounts[s]}"));
        var body = new JsonArray
        {
            AdaptiveCard.TextBlock(string.Format(culture, T("ConsolidationTitle"), label), heading: true),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    AdaptiveCard.Fact(T("StatusDue"), summary.Round.Due.ToVietnameseDate()),
                    AdaptiveCard.Fact(T("ConsolidationReported"), $"{summary.Reported.Count}/{summary.Expected.Count}"),
                    AdaptiveCard.Fact(T("ConsolidationCounts"), counts),
                    AdaptiveCard.Fact(T("ConsolidationOnTime"), string.Join("; ", summary.OnTimeCounts.Where(c => c.Value > 0).Select(c => $"{T("OnTime_" + c.Key)}: {c.Value}"))),
                    AdaptiveCard.Fact(T("ConsolidationMissing"), summary.Missing.Count == 0 ? T("ConsolidationNone") : string.Join("; ", summary.Missing)),
                    AdaptiveCard.Fact(T("ConsolidationOverdue"), summary.Overdue.Count == 0 ? T("ConsolidationNone") : string.Join("; ", summary.Overdue)),
                    AdaptiveCard.Fact(T("ConsolidationReturned"), summary.Returned.Count == 0 ? T("ConsolidationNone") : string.Join("; ", summary.Returned.Select(r => r.Agency))),
                    AdaptiveCard.Fact(T("ConsolidationExplanations"), summary.Explanations.Count == 0 ? T("ConsolidationNone")
                        : string.Join("; ", summary.Explanations.Select(e => string.Format(culture, T("ConsolidationExplanationLine"), e.Agency, VietnameseText.Shorten(e.Reason, 120), e.NewDate.ToVietnameseDate())))),
                    AdaptiveCard.Fact(T("ConsolidationLowerLevels"), summary.LowerLevels.Count == 0 ? T("ConsolidationNone") : string.Join("; ", summary.LowerLevels.GroupBy(l => l.Issuer).Select(g => $"{g.Key}: {g.Count()}"))),
                },
            },
        };
        AddRanking(body, BotText.Get("ConsolidationRanking", culture), summary.Standings, culture);
        if (summary.AcrossRounds is { } across)
        {
            AddRanking(body, string.Format(culture, BotText.Get("ConsolidationRankingAcross", culture), summary.RoundsCounted), across, culture);
        }

        AddQuotes(body, T("ConsolidationDifficulties"), summary.Difficulties);
        AddQuotes(body, T("ConsolidationProposals"), summary.Proposals);
        AddEvidenceFiles(body, summary, link, culture);
        body.Add(AdaptiveCard.TextBlock(string.Format(culture, T("ConsolidationLinkNote"), (int)linkLifetime.TotalMinutes), subtle: true));
        var actions = new JsonArray
        {
            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = T("ConsolidationWord"), ["url"] = word.ToString() },
            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = T("ConsolidationExcel"), ["url"] = excel.ToString() },
        };
        if (summary.Missing.Count > 0)
        {
            actions.Add(AdaptiveCard.Execute(T("ConsolidationRemind"), RemindVerb, new JsonObject { [RoundField] = summary.Round.Id }));
        }

        if (ReturnForm(summary, culture) is { } form)
        {
            actions.Add(form);
        }

        return AdaptiveCard.Create(body, actions);
    }

    /// <summary>
    /// "Yêu cầu bổ sung báo cáo": while the round takes reports, pick one agency that reported and say what to add; the
    /// server checks the pick against what the round holds.
    /// </summary>
    private static JsonObject? ReturnForm(ConsolidationSummary summary, CultureInfo culture)
    {
        string T(string name) => BotText.Get(name, culture);
        var reporters = summary.Tasks.SelectMany(t => t.Agencies).Where(a => a.Report is not null).Select(a => a.Report!.Agency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (reporters.Count == 0 || !summary.Round.AcceptsReports(summary.AsOf))
        {
            return null;
        }

        var title = T("ConsolidationReturnSend");
        var card = AdaptiveCard.Create(
            [
                new JsonObject
                {
                    ["type"] = "Input.ChoiceSet", ["id"] = ReturnAgencyInput, ["label"] = T("ConsolidationReturnAgency"), ["isRequired"] = true, ["style"] = "compact",
                    ["errorMessage"] = T("ConsolidationReturnAgency"),
                    ["choices"] = new JsonArray([.. reporters.Select(a => (JsonNode)new JsonObject { ["title"] = a, ["value"] = a })]),
                },
                new JsonObject
                {
                    ["type"] = "Input.Text", ["id"] = ReturnCommentInput, ["label"] = T("ConsolidationReturnComment"), ["isMultiline"] = true, ["isRequired"] = true,
                    ["maxLength"] = ReturnReportHandler.MaxCommentLength, ["placeholder"] = T("ConsolidationReturnPlaceholder"), ["errorMessage"] = T("Return_CommentRequired"),
                },
            ],
            [
                AdaptiveCard.Execute(title, ReturnVerb, new JsonObject { [RoundField] = summary.Round.Id }),
            ]);
        card.Remove("$schema");
        return new JsonObject { ["type"] = "Action.ShowCard", ["title"] = T("ConsolidationReturn"), ["card"] = card };
    }

    private const int MaxRanked = 5;

    /// <summary>The best agencies by on-time share (for thi đua); the whole ranking is in the Excel matrix.</summary>
    private static void AddRanking(JsonArray body, string heading, IReadOnlyList<AgencyStanding> standings, CultureInfo culture)
    {
        if (standings.Count == 0)
        {
            return;
        }

        body.Add(AdaptiveCard.TextBlock(heading, heading: true));
        foreach (var s in standings.Take(MaxRanked))
        {
            var notLate = s.Parts - s.Counts.Where(c => OnTime.IsLate(c.Key)).Sum(c => c.Value);
            body.Add(AdaptiveCard.PlainText((string.Format(culture, BotText.Get("ConsolidationRankLine", culture), s.Rank, s.Agency, s.OnTimeRate * 100, notLate, s.Parts), false)));
        }

        if (standings.Count > MaxRanked)
        {
            body.Add(AdaptiveCard.TextBlock(string.Format(culture, BotText.Get("ConsolidationRankMore", culture), standings.Count - MaxRanked), subtle: true));
        }
    }

    private static void AddQuotes(JsonArray body, string heading, IReadOnlyList<AgencyNote> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        body.Add(AdaptiveCard.TextBlock(heading, heading: true));
        foreach (var note in notes.Take(MaxQuotes))
        {
            body.Add(AdaptiveCard.PlainText((note.Agency, true), ($" ({note.TaskId}): {(note.Text.Length <= 300 ? note.Text : note.Text[..299] + "…")}", false)));
        }
    }


    /// <summary>The evidence files, newest first (at most ten, then how many more), each a signed link with who sent it for which task.</summary>
    private static void AddEvidenceFiles(JsonArray body, ConsolidationSummary summary, Func<string, Uri>? link, CultureInfo culture)
    {
        if (summary.EvidenceFiles.Count == 0)
        {
            return;
        }

        body.Add(AdaptiveCard.TextBlock(string.Format(culture, BotText.Get("ConsolidationEvidenceFiles", culture), summary.EvidenceFiles.Count), subtle: true));
        foreach (var file in summary.EvidenceFiles.OrderByDescending(f => f.At).Take(MaxQuotes))
        {
            // The file's name is the sender's, so it is a text run (never markdown); the run opens the signed link.
            var block = AdaptiveCard.PlainText((VietnameseText.Shorten(file.FileName, 80), true), ($" — {file.Agency}, {file.TaskId}", false));
            if (link is not null)
            {
                block["inlines"]![0]!["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = link(file.FileId).ToString() };
                block["inlines"]![0]!["color"] = "Accent";
            }

            body.Add(block);
        }

        if (summary.EvidenceFiles.Count > MaxQuotes)
        {
            body.Add(AdaptiveCard.TextBlock(string.Format(culture, BotText.Get("ConsolidationMore", culture), summary.EvidenceFiles.Count - MaxQuotes), subtle: true));
        }
    }
}
