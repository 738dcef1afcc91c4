import { useEffect, useRef, type KeyboardEvent } from 'react';
import { DealHeader } from './DealHeader';
import { DealSourceNotice } from './DealSourceNotice';
import { DealStateNotices } from './DealStateNotices';
import { ManagerView } from './ManagerView';
import { CriterionPicker } from './CriterionPicker';
import { RaterPrompt } from './RaterPrompt';
import { SaveBar } from './SaveBar';
import { ScoreHistory } from './ScoreHistory';
import { ScoreSummary } from './ScoreSummary';
import { StaleScoreNotice } from './StaleScoreNotice';
import { useSidebar } from './sidebar-context';
import { useScrollToTopOnDealChange } from './use-scroll-to-top';
import { useStageGates } from './use-stage-gates';

/** The sidebar: a launcher when collapsed, the scoring panel when open, nothing off deal pages. */
export function SidebarApp() {
  const page = useSidebar((s) => s.page);
  const collapsed = useSidebar((s) => s.collapsed);
  const setCollapsed = useSidebar((s) => s.setCollapsed);
  const saveDraft = useSidebar((s) => s.saveDraft);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const wasCollapsed = useRef(collapsed);
  const scrollRef = useScrollToTopOnDealChange();

  useEffect(() => {
    // Keep keyboard focus with the control that replaced the one the user pressed.
    if (wasCollapsed.current !== collapsed) (collapsed ? launcherRef : closeRef).current?.focus();
    wasCollapsed.current = collapsed;
  }, [collapsed]);

  if (page.status === 'not-a-deal') return null;

  if (collapsed) {
    return (
      <button ref={launcherRef} type="button" className="ys-launcher" onClick={() => setCollapsed(false)}>
        <span aria-hidden="true">Y</span>
        <span className="ys-visually-hidden">Open Yardstick</span>
      </button>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void saveDraft();
    } else if (event.key === 'Escape' && !(event.target instanceof HTMLTextAreaElement)) {
      setCollapsed(true);
    }
  };

  return (
    <aside className="ys-sidebar" aria-label="Yardstick" onKeyDown={onKeyDown}>
      <div className="ys-topbar">
        <span className="ys-brand">Yardstick</span>
        <button ref={closeRef} type="button" className="ys-icon-button" onClick={() => setCollapsed(true)}>
          <span aria-hidden="true">⟩</span>
          <span className="ys-visually-hidden">Collapse Yardstick</span>
        </button>
      </div>
      <div className="ys-scroll" ref={scrollRef}>
        <DealHeader />
        <DealSourceNotice />
        <DealStateNotices />
        <StaleScoreNotice />
        <RaterPrompt />
        <ScoreSummary />
        <ManagerView />
        <CriteriaList />
        <ScoreHistory />
      </div>
      <SaveBar />
    </aside>
  );
}

/**
 * Every criterion of the active definitions, each as a level picker, those the stage's gates flag
 * marked. While the deal loads, the criteria as last served are laid out disabled, so that the deal's
 * arrival only fills them in.
 */
export function CriteriaList() {
  const deal = useSidebar((s) => s.deal);
  const preview = useSidebar((s) => s.definitionsPreview);
  const gates = useStageGates();
  const loading = deal.status === 'loading';
  const criteria =
    deal.status === 'loaded' ? deal.value.active.definitions.criteria : loading ? preview?.criteria : null;
  if (!criteria) return null;
  return (
    <section className="ys-criteria" aria-label="Criteria" aria-busy={loading}>
      {criteria.map((criterion) => (
        <CriterionPicker
          key={criterion.id}
          criterion={criterion}
          loading={loading}
          shortfall={gates?.shortfalls.find((s) => s.criterionId === criterion.id)}
        />
      ))}
    </section>
  );
}
