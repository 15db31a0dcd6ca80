using System.Globalization;
using System.Resources;

namespace CoordinationBot.Core.Questions;

/// <summary>The words of answers (Vietnamese by default, English second), kept in resources, not in code.</summary>
public static class AnswerText
{
    private static readonly Text.ResourceStrings Strings = new(new ResourceManager("CoordinationBot.Core.Questions.AnswerStrings", typeof(AnswerText).Assembly));

    public static CultureInfo Vietnamese { get; } = CultureInfo.GetCultureInfo("vi-VN");

    public static string Get(string name, CultureInfo culture) =>
        Strings.Find(name, culture) ?? throw new InvalidOperationException($"Missing answer string {name}.");

    public static string Format(CultureInfo culture, string name, params object[] values) =>
        string.Format(culture, Get(name, culture), values);
}
