using System.Globalization;
using System.Resources;

namespace CoordinationBot.Core.Questions;

/// <summary>The words of answers (Vietnamese by default, English second), kept in resources, not in code.</summary>
public static class AnswerText
{
    private static readonly ResourceManager Strings = new("CoordinationBot.Core.Questions.AnswerStrings", typeof(AnswerText).Assembly);

    public static CultureInfo Vietnamese { get; } = CultureInfo.GetCultureInfo("vi-VN");

    public static string Get(string name, CultureInfo culture) =>
        Strings.GetString(name, culture) ?? throw new InvalidOperationException($"Missing answer string {name}.");

    public static string Format(CultureInfo culture, string name, params object[] values) =>
        string.Format(culture, Get(name, culture), values);
}
