using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.ServiceDesk;
using Mediation.ServiceDesk.Domain;
using Mediation.Tests.Deadlines;
using Shouldly;

namespace Mediation.Tests.ServiceDesk;

public sealed class DeskRequest_Tests
{
    private static readonly DateTimeOffset Now = Calendars.China(2026, 3, 10, 9, 0);
    private static readonly DeskActor Wang = new(Guid.NewGuid(), "王窗口");
    private static readonly DeskActor Li = new(Guid.NewGuid(), "李窗口");
    private static readonly ProtectedValue Phone = new("138****8000", "cipher", "hash");

    private static Enterprise Enterprise(bool approved = true)
    {
        var enterprise = Mediation.ServiceDesk.Domain.Enterprise.SignUp(Guid.NewGuid(), Guid.NewGuid(), CreditCodes.New(), "肥城市安泰建筑安装有限公司",
            "赵某某", "钱某某", Phone, null, Now);
        if (approved) enterprise.Approve("demo.deskofficer", Now);
        return enterprise;
    }

    private static DeskRequest Filed(RequestKind kind = RequestKind.LegalMatter, params string[] supplied) =>
        DeskRequest.File(Guid.NewGuid(), Enterprise(), "肥城接诉〔2026〕1号", 2026, 1, kind, "工程款拖欠", "总包方拖欠工程款120万元", "肥城市新城安置区3号楼",
            urgent: false, supplied, "demo.enterpriseuser", Now, Now.AddHours(24));

    private static DeskRequest Taken(RequestKind kind = RequestKind.LegalMatter, params string[] supplied)
    {
        var request = Filed(kind, supplied);
        request.Take(Wang, complex: false, Now.AddMinutes(30));
        return request;
    }

    [Fact]
    public void A_credit_code_with_a_wrong_check_character_is_refused_at_sign_up()
    {
        var good = CreditCodes.New();
        ChineseIdentifiers.IsValidCreditCode(good).ShouldBeTrue();
        Should.Throw<BusinessException>(() => Mediation.ServiceDesk.Domain.Enterprise.SignUp(Guid.NewGuid(), Guid.NewGuid(), CreditCodes.WithWrongCheck(good),
            "某建筑公司", "赵某某", "钱某某", Phone, null, Now)).Code.ShouldBe(ServiceDeskErrorCodes.CreditCodeInvalid);
    }

    [Fact]
    public void An_enterprise_files_only_once_approved_and_is_decided_once()
    {
        var pending = Enterprise(approved: false);
        Should.Throw<BusinessException>(() => DeskRequest.File(Guid.NewGuid(), pending, "N", 2026, 1, RequestKind.PolicyConsultation, "t", "d", null, false, [],
            null, Now, Now)).Code.ShouldBe(ServiceDeskErrorCodes.EnterpriseNotApproved);
        pending.Reject("信用代码与名称不符", "demo.deskofficer", Now);
        Should.Throw<BusinessException>(() => pending.Approve("demo.deskofficer", Now)).Code.ShouldBe(ServiceDeskErrorCodes.EnterpriseNotPending);
    }

    [Fact]
    public void Only_the_enterprise_admin_adds_colleagues()
    {
        var enterprise = Enterprise();
        var admin = Guid.NewGuid();
        var colleague = Guid.NewGuid();
        enterprise.AddMember(admin, "admin", isAdmin: true, Now);
        enterprise.AddMember(colleague, "colleague", isAdmin: false, Now);
        enterprise.EnsureMayAddColleague(admin);
        Should.Throw<ForbiddenException>(() => enterprise.EnsureMayAddColleague(colleague)).Code.ShouldBe(ServiceDeskErrorCodes.NotEnterpriseAdmin);
    }

    [Fact]
    public void Materials_supplied_at_filing_must_be_on_the_kinds_checklist()
    {
        Should.Throw<BusinessException>(() => Filed(RequestKind.PolicyConsultation, MaterialsChecklist.Contract.Code))
            .Code.ShouldBe(ServiceDeskErrorCodes.UnknownMaterial);
        var request = Filed(RequestKind.LegalMatter, MaterialsChecklist.BusinessLicence.Code, MaterialsChecklist.Contract.Code);
        request.Missing.Select(m => m.Code).ShouldBe(["authorisation", "settlement", "wage-roll", "evidence"]);
        MaterialsChecklist.For(RequestKind.PolicyConsultation).Count.ShouldBeLessThan(MaterialsChecklist.For(RequestKind.LegalMatter).Count);
    }

    [Fact]
    public void The_first_officer_to_take_it_owns_it_and_a_second_cannot_take_it()
    {
        var request = Taken();
        (request.Status, request.FirstResponderId, request.OwnerId, request.AcknowledgedAt).ShouldBe((RequestStatus.InHandling, Wang.UserId, Wang.UserId, Now.AddMinutes(30)));
        Should.Throw<BusinessException>(() => request.Take(Li, false, Now)).Code.ShouldBe(ServiceDeskErrorCodes.AlreadyTaken);
    }

    [Fact]
    public void A_transfer_records_the_reason_and_the_first_responder_stays_accountable()
    {
        var request = Taken();
        Should.Throw<ForbiddenException>(() => request.Transfer(Li, Wang, null, "不是我的", Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotOwner);
        Should.Throw<BusinessException>(() => request.Transfer(Wang, Wang, null, "自己", Now)).Code.ShouldBe(ServiceDeskErrorCodes.TransferToSelf);
        Should.Throw<BusinessException>(() => request.Transfer(Wang, null, " ", "无去向", Now)).Code.ShouldBe(ServiceDeskErrorCodes.TransferTargetMissing);

        request.Transfer(Wang, Li, null, "李窗口熟悉工程款纠纷", Now.AddHours(1));
        (request.OwnerId, request.FirstResponderId).ShouldBe((Li.UserId, Wang.UserId));
        request.IsMine(Wang.UserId).ShouldBeTrue("the first responder still sees it in 'mine'");
        request.IsMine(Li.UserId).ShouldBeTrue();
        request.Transfers.ShouldHaveSingleItem().Reason.ShouldBe("李窗口熟悉工程款纠纷");
        Should.Throw<ForbiddenException>(() => request.Conclude(Wang, "已办", Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotOwner);
    }

    [Fact]
    public void The_first_materials_notice_lists_every_missing_item_at_once()
    {
        var request = Taken(RequestKind.LegalMatter, MaterialsChecklist.BusinessLicence.Code);
        var notice = request.IssueMaterialsNotice(Wang, ["项目竣工验收资料"], null, Now.AddHours(2));
        notice.ItemList.ShouldBe(["authorisation", "contract", "settlement", "wage-roll", "evidence", "项目竣工验收资料"]);
        request.Status.ShouldBe(RequestStatus.AwaitingMaterials);
        Should.Throw<BusinessException>(() => request.Conclude(Wang, "办结", Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotInHandling);
    }

    [Fact]
    public void No_notice_when_nothing_is_missing()
    {
        var request = Taken(RequestKind.PolicyConsultation, MaterialsChecklist.BusinessLicence.Code);
        Should.Throw<BusinessException>(() => request.IssueMaterialsNotice(Wang, [], null, Now)).Code.ShouldBe(ServiceDeskErrorCodes.NothingMissing);
    }

    [Fact]
    public void Supplying_every_item_resumes_handling_and_only_requested_items_are_accepted()
    {
        var request = Taken(RequestKind.ComplaintReport, MaterialsChecklist.BusinessLicence.Code);
        request.IssueMaterialsNotice(Wang, [], null, Now);
        Should.Throw<BusinessException>(() => request.Supply(["contract"], "ent", null, Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotRequested);
        request.Supply(["authorisation"], "ent", null, Now).ShouldBeFalse();
        request.Status.ShouldBe(RequestStatus.AwaitingMaterials);
        request.Supply(["evidence"], "ent", "照片12张", Now.AddDays(1)).ShouldBeTrue();
        request.Status.ShouldBe(RequestStatus.InHandling);
        request.Missing.ShouldBeEmpty();
        request.Notices[0].SatisfiedAt.ShouldBe(Now.AddDays(1));
        Should.Throw<BusinessException>(() => request.Supply(["evidence"], "ent", null, Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotAwaitingMaterials);
    }

    [Fact]
    public void A_second_notice_for_an_item_not_on_the_first_needs_a_reason()
    {
        var request = Taken(RequestKind.ComplaintReport, MaterialsChecklist.BusinessLicence.Code);
        request.IssueMaterialsNotice(Wang, [], null, Now);
        request.Supply(["authorisation", "evidence"], "ent", null, Now);

        Should.Throw<BusinessException>(() => request.IssueMaterialsNotice(Wang, ["现场照片"], null, Now)).Code.ShouldBe(ServiceDeskErrorCodes.ItemNotOnFirstNotice);
        Should.Throw<BusinessException>(() => request.IssueMaterialsNotice(Wang, [], null, Now)).Code.ShouldBe(ServiceDeskErrorCodes.NoticeItemsRequired);
        request.IssueMaterialsNotice(Wang, ["evidence"], null, Now).ItemList.ShouldBe(["evidence"], "asking again for an item of the first needs no reason");
        request.Supply(["evidence"], "ent", null, Now);
        var second = request.IssueMaterialsNotice(Wang, ["现场照片"], "企业补充的证据中提到现场照片，需核实", Now);
        second.Reason.ShouldBe("企业补充的证据中提到现场照片，需核实");
        request.Notices.Count.ShouldBe(3);
    }

    [Fact]
    public void Rating_closes_it_and_dissatisfied_goes_to_the_desk_head_who_may_reopen_it()
    {
        var request = Taken();
        Should.Throw<BusinessException>(() => request.Rate(ServiceRating.Satisfied, null, "ent", Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotConcluded);
        request.Conclude(Wang, "已协调总包方支付工程款80万元，余款约定6月底前付清", Now.AddDays(3));
        Should.Throw<BusinessException>(() => request.Rate(ServiceRating.Dissatisfied, " ", "ent", Now)).Code.ShouldBe(ServiceDeskErrorCodes.DissatisfiedNeedsComment);
        request.Rate(ServiceRating.Dissatisfied, "余款没有保障", "ent", Now.AddDays(4));
        request.Status.ShouldBe(RequestStatus.UnderReview);
        Should.Throw<BusinessException>(() => request.Rate(ServiceRating.Satisfied, null, "ent", Now)).Code.ShouldBe(ServiceDeskErrorCodes.AlreadyRated);

        request.Review(reopen: true, "督促总包方出具付款承诺书", "窗口负责人", Now.AddDays(5));
        (request.Status, request.OwnerId, request.Rating, request.ConcludedAt).ShouldBe((RequestStatus.InHandling, Wang.UserId, (ServiceRating?)null, (DateTimeOffset?)null));
        request.Conclude(Wang, "总包方已出具付款承诺书", Now.AddDays(6));
        request.Rate(ServiceRating.BasicallySatisfied, null, "ent", Now.AddDays(7));
        request.Status.ShouldBe(RequestStatus.Closed);
        Should.Throw<BusinessException>(() => request.Review(false, "维持", "窗口负责人", Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotUnderReview);
        request.Events.Select(e => e.Kind).ShouldBe(["Filed", "Taken", "Concluded", "Rated", "Reopened", "Concluded", "Rated"]);
    }

    [Fact]
    public void The_desk_head_may_uphold_the_conclusion()
    {
        var request = Taken(RequestKind.PolicyConsultation);
        request.Conclude(Wang, "已解答", Now);
        request.Rate(ServiceRating.Dissatisfied, "答复太笼统", "ent", Now);
        request.Review(reopen: false, "答复已引用政策原文，维持", "窗口负责人", Now);
        (request.Status, request.Rating).ShouldBe((RequestStatus.Closed, (ServiceRating?)ServiceRating.Dissatisfied));
    }

    [Fact]
    public void Only_a_legal_matter_records_its_route_once_and_the_outcome_once()
    {
        var policy = Taken(RequestKind.PolicyConsultation);
        Should.Throw<BusinessException>(() => policy.RecordRoute(Wang, LegalRoute.Court, "肥城市人民法院", null, Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotALegalMatter);

        var legal = Taken();
        Should.Throw<BusinessException>(() => legal.RecordRouteOutcome("判决", null, Now)).Code.ShouldBe(ServiceDeskErrorCodes.NoRoute);
        legal.RecordRoute(Wang, LegalRoute.Arbitration, "泰安仲裁委员会", "已申请仲裁", Now);
        Should.Throw<BusinessException>(() => legal.RecordRoute(Wang, LegalRoute.Court, "肥城市人民法院", null, Now)).Code.ShouldBe(ServiceDeskErrorCodes.RouteAlreadyRecorded);
        legal.RecordRouteOutcome("裁决支持工程款请求", "王窗口", Now).ShouldBeTrue();
        legal.RecordRouteOutcome("再次送达", "王窗口", Now).ShouldBeFalse();
        legal.RouteOutcome.ShouldBe("裁决支持工程款请求");
    }

    [Fact]
    public void A_petition_route_is_recorded_only_with_its_petition_and_its_conclusion_comes_back_once()
    {
        var legal = Taken();
        Should.Throw<BusinessException>(() => legal.RecordRoute(Wang, LegalRoute.Petition, "肥城市信访局", null, Now))
            .Code.ShouldBe(ServiceDeskErrorCodes.PetitionNeedsHandOff);
        Should.Throw<BusinessException>(() => legal.RecordRoute(Wang, LegalRoute.Court, "肥城市人民法院", null, Now, petitionId: Guid.NewGuid(),
            petitionNumber: "肥城信〔2026〕1号")).Code.ShouldBe(ServiceDeskErrorCodes.PetitionNeedsHandOff);
        legal.Route.ShouldBeNull();

        var petitionId = Guid.NewGuid();
        legal.RecordRoute(Wang, LegalRoute.Petition, null, "经企业同意转送信访部门", Now, petitionId: petitionId, petitionNumber: "肥城信〔2026〕1号");
        (legal.Route, legal.PetitionId, legal.PetitionNumber).ShouldBe(((LegalRoute?)LegalRoute.Petition, (Guid?)petitionId, "肥城信〔2026〕1号"));
        legal.Events[^1].Note.ShouldBe("Petition：肥城信〔2026〕1号");
        legal.RecordRouteOutcome("信访事项肥城信〔2026〕1号不予受理", "信访部门", Now).ShouldBeTrue();
        legal.RecordRouteOutcome("信访事项肥城信〔2026〕1号已答复", "信访部门", Now).ShouldBeFalse();
    }

    [Fact]
    public void A_visit_problem_becomes_one_request_only_once()
    {
        var visit = new Visit(Guid.NewGuid(), Enterprise(), new DateOnly(2026, 3, 9), "王窗口、李窗口", "钱经理", ["农民工工资专户开设慢", "施工许可办理咨询"], "demo.deskofficer", Now);
        var problem = visit.ProblemToRaise(1);
        problem.Raised(Guid.NewGuid(), "肥城接诉〔2026〕2号");
        Should.Throw<BusinessException>(() => visit.ProblemToRaise(1)).Code.ShouldBe(ServiceDeskErrorCodes.ProblemAlreadyRaised);
        Should.Throw<BusinessException>(() => visit.ProblemToRaise(3)).Code.ShouldBe(ServiceDeskErrorCodes.UnknownProblem);
        visit.ProblemToRaise(2).Description.ShouldBe("施工许可办理咨询");
    }

    [Fact]
    public void A_request_raised_on_a_visit_is_taken_by_the_officer_at_once()
    {
        var request = Filed(RequestKind.ServiceRequest);
        var visitId = Guid.NewGuid();
        request.RaisedOnVisit(visitId, Li, Now);
        (request.VisitId, request.FirstResponderId, request.Status).ShouldBe(((Guid?)visitId, (Guid?)Li.UserId, RequestStatus.InHandling));
    }

    [Fact]
    public void The_enterprise_adds_files_only_while_open_and_names_only_an_item_asked_for()
    {
        var request = Taken(RequestKind.ComplaintReport);
        Should.Throw<BusinessException>(() => request.AttachmentAdded("合同.pdf", MaterialsChecklist.Contract.Code, fromEnterprise: true, "企业", Now))
            .Code.ShouldBe(ServiceDeskErrorCodes.UnknownMaterial);
        request.IssueMaterialsNotice(Wang, ["现场照片"], null, Now);
        request.AttachmentAdded("现场.png", "现场照片", fromEnterprise: true, "企业", Now);
        request.Events[^1].Kind.ShouldBe("AttachmentAdded");
        request.Events[^1].Note.ShouldBe("现场照片：现场.png");

        request.Supply(request.OpenNotice!.ItemList, "企业", null, Now);
        request.Conclude(Wang, "已处理", Now);
        Should.Throw<BusinessException>(() => request.AttachmentAdded("补充.pdf", null, fromEnterprise: true, "企业", Now))
            .Code.ShouldBe(ServiceDeskErrorCodes.RequestClosed);
        request.AttachmentAdded("回访记录.pdf", null, fromEnterprise: false, Wang.Name, Now);
    }
    [Fact]
    public void The_owner_escalates_once_with_a_reason_and_the_unit_above_takes_it_over_while_the_first_responder_stays()
    {
        var request = Taken();
        var taian = Guid.NewGuid();
        Should.Throw<ForbiddenException>(() => request.Escalate(Li, taian, "泰安市", "需市级协调", Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotOwner);
        Should.Throw<BusinessException>(() => request.Escalate(Wang, taian, "泰安市", " ", Now)).Code.ShouldBe(ServiceDeskErrorCodes.EscalationReasonRequired);
        Should.Throw<BusinessException>(() => request.AcceptEscalation(Li, Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotEscalated);

        request.Escalate(Wang, taian, "泰安市", "需市级协调", Now.AddHours(1));
        (request.EscalationPending, request.HoldingUnitId, request.OwnerId).ShouldBe((true, request.OrgUnitId, (Guid?)Wang.UserId));
        Should.Throw<BusinessException>(() => request.Escalate(Wang, taian, "泰安市", "再报", Now)).Code.ShouldBe(ServiceDeskErrorCodes.EscalationPending);

        var city = new DeskActor(Guid.NewGuid(), "市窗口");
        request.AcceptEscalation(city, Now.AddHours(2));
        (request.EscalationPending, request.HoldingUnitId, request.OwnerId, request.FirstResponderId).ShouldBe((false, taian, (Guid?)city.UserId, (Guid?)Wang.UserId));
        request.IsMine(Wang.UserId).ShouldBeTrue();
        request.Transfers.ShouldHaveSingleItem().ToName.ShouldBe("市窗口");
        request.Events.Select(e => e.Kind).ShouldBe(["Filed", "Taken", "Escalated", "EscalationAccepted"]);
    }

    [Fact]
    public void A_concluded_request_is_not_escalated()
    {
        var request = Taken();
        request.Conclude(Wang, "已办结", Now);
        Should.Throw<BusinessException>(() => request.Escalate(Wang, Guid.NewGuid(), "泰安市", "需市级协调", Now)).Code.ShouldBe(ServiceDeskErrorCodes.NotInHandling);
    }
}
