using System.Text.Json.Serialization;
using CoordinationBot.Storage.Conversations;

namespace CoordinationBot.Storage;

/// <summary>Persisted entities: property names as declared (the Table service's convention), nulls omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationReferenceEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.Plans.PlanEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.Plans.PlanTaskEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.Plans.PlanVersionEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.Plans.PendingImportEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.People.AgencyChoiceEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.StatusReports.RoundEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.StatusReports.ReportEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.StatusReports.HistoryEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.StatusReports.MarkerEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.StatusReports.DeliveryEntity))]
[JsonSerializable(typeof(CoordinationBot.Core.StatusReports.ReportingRound))]
[JsonSerializable(typeof(CoordinationBot.Core.StatusReports.StatusReport))]
[JsonSerializable(typeof(CoordinationBot.Core.StatusReports.Delivery))]
[JsonSerializable(typeof(CoordinationBot.Core.Conversations.ConversationReference))]
[JsonSerializable(typeof(CoordinationBot.Storage.StatusReports.AgencyChannelEntity))]
[JsonSerializable(typeof(CoordinationBot.Core.Plans.Plan))]
[JsonSerializable(typeof(CoordinationBot.Core.Plans.PlanTask))]
[JsonSerializable(typeof(CoordinationBot.Storage.Plans.PlanCorrectionEntity))]
[JsonSerializable(typeof(CoordinationBot.Core.Plans.Corrections.TaskChange))]
[JsonSerializable(typeof(CoordinationBot.Storage.StatusReports.ReportReturnEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.Escalation.ExplanationEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.Evidence.EvidenceFileEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.Consolidation.ReportTemplateEntity))]
[JsonSerializable(typeof(CoordinationBot.Storage.StatusReports.StatusDraftEntity))]
[JsonSerializable(typeof(IReadOnlyList<CoordinationBot.Core.StatusReports.StatusEntry>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
