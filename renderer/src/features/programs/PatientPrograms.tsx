// PLACEHOLDER for the program builder (issue 10): the patient's programs inside their record on the
// Patients screen (features/patients/PatientRecord.tsx renders it with the open patient's id). The
// program builder replaces this file with the real list of programs, "New program" and the builder.
export interface PatientProgramsProps {
  patientId: string;
}

export function PatientPrograms({ patientId }: PatientProgramsProps) {
  return (
    <section className="card" aria-labelledby={`programs-${patientId}`} data-slot="patient-programs">
      <h3 id={`programs-${patientId}`}>Programs</h3>
      <p className="muted">Programs for this patient will appear here.</p>
    </section>
  );
}
