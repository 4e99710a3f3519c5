namespace Do;

/// <summary>The answer to <c>ctx.Human&lt;THuman&gt;(ns).Approve(…)</c>: approved or not, by whom, with an optional comment.</summary>
/// <param name="Approved">Whether the request was approved.</param>
/// <param name="By">Who decided: the responder's name, or <c>policy</c> for an escalation policy's default decision.</param>
/// <param name="Comment">The responder's comment, if any.</param>
public sealed record ApprovalDecision(bool Approved, string By, string? Comment);
